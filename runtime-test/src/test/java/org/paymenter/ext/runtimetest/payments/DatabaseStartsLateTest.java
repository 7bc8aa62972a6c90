package org.paymenter.ext.runtimetest.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeHarness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A runtime started before its PostgreSQL (as systemd may start them): health says the ledger is
 * unavailable, and once the database is up the store opens by itself, without a restart, and takes payments;
 * when the database goes away again, health says it is unreachable.
 */
class DatabaseStartsLateTest {

    private static final Duration START_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void theLedgerOpensOnceTheDatabaseIsUpAndHealthSaysDownWhileItIsNot() throws Exception {
        int databasePort = freePort();
        int httpPort = freePort();
        String url = "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres?user=postgres";
        CompletableFuture<RuntimeHarness> starting = CompletableFuture.supplyAsync(
                () -> RuntimeHarness.start(work.resolve("node"), o -> o.withDatabase(url).withPort(httpPort)));
        EmbeddedPostgres postgres = null;
        RuntimeHarness runtime = null;
        try {
            HttpResponse<String> down = awaitHealth(httpPort);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"down\"").contains("\"ledger\":\"unavailable\"");

            postgres = EmbeddedPostgres.builder().setPort(databasePort).start();
            runtime = starting.get(START_WAIT.toSeconds(), TimeUnit.SECONDS);

            AdminApi api = AdminApi.of(runtime);
            AdminApi.Response up = api.withoutToken().get("/health").expect(200);
            assertThat(up.json().path("ledger").asText()).isEqualTo("open");
            SampleGatewayAccount account = SampleGatewayAccount.open(runtime, api, "late", "EUR");
            assertThat(account.pay("inv-late-1", "5.00").expect(200).json().path("payments").asInt()).isEqualTo(1);
            String log = Files.readString(runtime.dataDir().resolve("logs/runtime.0.log"));
            assertThat(log).contains("the payments store did not open").contains("the payments store is open (attempt");

            postgres.close(); // the database goes away under a running runtime
            postgres = null;
            HttpResponse<String> gone = Poll.until("/health to see the database gone", START_WAIT, () -> {
                HttpResponse<String> answer = awaitHealth(httpPort);
                return answer.statusCode() == 503 ? Optional.of(answer) : Optional.empty();
            }, () -> "still up");
            assertThat(gone.body()).contains("\"ledger\":\"unreachable\"");
        } finally {
            if (runtime == null) {
                runtime = starting.exceptionally(e -> null).get(START_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            if (runtime != null) {
                runtime.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** The first answer of {@code /health} once the admin API listens (it starts beside the store). */
    private static HttpResponse<String> awaitHealth(int port) {
        HttpClient client = HttpClient.newHttpClient();
        AtomicReference<String> last = new AtomicReference<>("no answer yet");
        return Poll.until("/health answers on port " + port, START_WAIT, () -> {
            try {
                return Optional.of(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                last.set(e.toString());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, last::get);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
