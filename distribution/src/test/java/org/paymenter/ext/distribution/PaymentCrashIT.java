package org.paymenter.ext.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.fakes.panel.FakePanel;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * kill -9 of the runtime (the distribution, as a process) after a webhook's payment is committed but
 * before the provider has read the answer: the provider retries after the restart, the retry is
 * recognised as a duplicate, and the panel gets the payment under one delivery id.
 */
class PaymentCrashIT {

    private static final Path DIST = Path.of(System.getProperty("paymenter.dist", "target/paymenter-runtime"));
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final String SECRET = "crash-test-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_LINE = "admin API: ";

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();
    private FakePanel panel;
    private Process runtime;
    private URI api;
    private int starts;

    @BeforeEach
    void panel() {
        panel = new FakePanel();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (runtime != null) {
            runtime.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        panel.close();
    }

    /** Starts the distribution headless, as scripts/run does under a service manager; waits for its API. */
    private void start() throws Exception {
        Path log = work.resolve("runtime-" + (++starts) + ".out");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", DIST.resolve("lib/boot") + "/*", "org.paymenter.ext.runtime.Main", "--port", "0",
                "--data", "data", "--bundles", "bundles", "--panel-callback", panel.url().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("PAYMENTER_ADMIN_TOKEN");
        builder.environment().remove("PAYMENTER_CALLBACK_SECRET");
        runtime = builder.start();
        await("the admin API line in " + log, START, () -> Files.readAllLines(log).stream()
                .anyMatch(l -> l.startsWith(API_LINE + "http")));
        String line = Files.readAllLines(log).stream().filter(l -> l.startsWith(API_LINE + "http")).findFirst()
                .orElseThrow();
        api = URI.create(line.substring(API_LINE.length()).trim());
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        String token = Files.readString(work.resolve("data/admin-token")).trim();
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String setUpGateway() throws Exception {
        Path jar = Samples.gateway().build(work.resolve("scratch"));
        Files.createDirectories(work.resolve("bundles"));
        Path temp = work.resolve("bundles/." + jar.getFileName() + ".tmp");
        Files.copy(jar, temp);
        Files.move(temp, work.resolve("bundles").resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        String metadata = "/api/v1/admin/extensions/gateways/" + SampleGateway.NAME + "/metadata";
        await("the sample gateway", START, () -> admin("GET", metadata, null).statusCode() == 200);
        HttpResponse<String> created = admin("POST", "/api/v1/admin/extensions/gateways/" + SampleGateway.NAME
                + "/instances", "{\"name\":\"crash\",\"config\":{\"secret\":\"" + SECRET + "\",\"currency\":\"USD\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private String webhookPath(String instance) {
        return "/api/v1/webhooks/" + SampleGateway.NAME + "/" + instance;
    }

    /** The provider's call, answer read. */
    private JsonNode pay(String instance, String invoice) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(api.resolve(webhookPath(instance)))
                .header(SampleGateway.SIGNATURE_HEADER, SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("paid:" + invoice + ":12.34")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** The provider's call whose answer is never read: the provider will count it as failed and retry. */
    private Socket payWithoutReading(String instance, String invoice) throws IOException {
        byte[] body = ("paid:" + invoice + ":12.34").getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket(api.getHost(), api.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + webhookPath(instance) + " HTTP/1.1\r\nHost: " + api.getHost() + "\r\n"
                + SampleGateway.SIGNATURE_HEADER + ": " + SECRET + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    private JsonNode payments(String invoice) throws Exception {
        return JSON.readTree(admin("GET", "/api/v1/admin/payments?invoiceId=" + invoice, null).body()).path("items");
    }

    @Test
    void aKillAfterTheCommitLeavesOnePaymentAndOneDeliveryAfterTheProvidersRetry() throws Exception {
        panel.answerFromNowOn(503); // the panel is down too: deliveries are still owed when the runtime dies
        start();
        String instance = setUpGateway();
        assertThat(pay(instance, "inv-before").path("recorded").asInt()).isEqualTo(1);

        try (Socket unread = payWithoutReading(instance, "inv-crash")) {
            await("the payment of the unanswered webhook to be committed", START,
                    () -> payments("inv-crash").size() == 1);
            runtime.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly stop
            assertThat(runtime.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(runtime.exitValue()).isEqualTo(137);
        }

        panel.answerFromNowOn(200);
        start();
        JsonNode retry = pay(instance, "inv-crash"); // the provider never saw a 2xx: it sends again
        assertThat(retry.path("recorded").asInt()).isZero();
        assertThat(retry.path("duplicates").asInt()).isEqualTo(1);
        assertThat(pay(instance, "inv-before").path("duplicates").asInt()).isEqualTo(1);
        assertThat(pay(instance, "inv-after").path("recorded").asInt()).isEqualTo(1);
        for (String invoice : List.of("inv-before", "inv-crash", "inv-after")) {
            assertThat(payments(invoice)).as(invoice).hasSize(1);
        }

        String secret = Files.readString(work.resolve("data/callback-secret")).trim();
        await("every payment delivered to the panel", DELIVERY, () -> delivered().size() == 3);
        Map<String, List<String>> deliveryIds = panel.accepted().stream().collect(Collectors.groupingBy(
                c -> invoiceOf(c), Collectors.mapping(FakePanel.Call::deliveryId, Collectors.toList())));
        assertThat(deliveryIds.keySet()).containsExactlyInAnyOrder("inv-before", "inv-crash", "inv-after");
        // At-least-once across a crash: a delivery may arrive twice, but always under its one delivery id.
        deliveryIds.forEach((invoice, ids) -> assertThat(ids.stream().distinct()).as(invoice).hasSize(1));
        assertThat(panel.calls()).allSatisfy(c -> assertThat(c.signedBy(secret)).isTrue());
    }

    private List<String> delivered() {
        return panel.accepted().stream().map(PaymentCrashIT::invoiceOf).distinct().toList();
    }

    private static String invoiceOf(FakePanel.Call call) {
        try {
            return JSON.readTree(call.body()).path("invoiceId").asText();
        } catch (IOException e) {
            throw new AssertionError("the panel got a body that is not JSON: " + call.body(), e);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
