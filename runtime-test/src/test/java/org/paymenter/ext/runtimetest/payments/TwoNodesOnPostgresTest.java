package org.paymenter.ext.runtimetest.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.RuntimeHarness;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two runtime nodes started with {@code --db-url} on one real PostgreSQL (started here on loopback), the
 * provider's same webhook reaching both at the same moment: one payment, whichever node wins.
 */
class TwoNodesOnPostgresTest {

    private static final int ROUNDS = 15;

    @TempDir
    static Path work;

    private static EmbeddedPostgres postgres;
    private static RuntimeHarness first;
    private static RuntimeHarness second;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        first = RuntimeHarness.start(work.resolve("node-1"), o -> o.withDatabase(url));
        second = RuntimeHarness.start(work.resolve("node-2"), o -> o.withDatabase(url));
    }

    @AfterAll
    static void stop() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theSameWebhookOnBothNodesAtOnceIsOnePayment() throws Exception {
        AdminApi api1 = AdminApi.of(first);
        AdminApi api2 = AdminApi.of(second);
        SampleGatewayAccount node1 = SampleGatewayAccount.open(first, api1, "eu", "EUR");
        SampleGatewayAccount node2 = SampleGatewayAccount.open(second, api2, "eu", "EUR");
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<Integer> recorded = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String invoice = "inv-both-" + round;
                CountDownLatch go = new CountDownLatch(1);
                Future<JsonNode> a = senders.submit(() -> {
                    go.await();
                    return node1.pay(invoice, "7.00").expect(200).json();
                });
                Future<JsonNode> b = senders.submit(() -> {
                    go.await();
                    return node2.pay(invoice, "7.00").expect(200).json();
                });
                go.countDown();
                JsonNode ra = a.get(30, TimeUnit.SECONDS);
                JsonNode rb = b.get(30, TimeUnit.SECONDS);
                recorded.add(ra.path("recorded").asInt() + rb.path("recorded").asInt());
                assertThat(ra.path("duplicates").asInt() + rb.path("duplicates").asInt()).as(invoice).isEqualTo(1);
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(recorded).containsOnly(1);
        for (AdminApi api : List.of(api1, api2)) {
            JsonNode page = api.get(AdminApi.ADMIN + "/payments?limit=500").expect(200).json();
            List<String> invoices = new ArrayList<>();
            page.path("items").forEach(p -> invoices.add(p.path("invoiceId").asText()));
            assertThat(invoices).hasSize(ROUNDS).doesNotHaveDuplicates();
            assertThat(api.get(AdminApi.ADMIN + "/deliveries").expect(200).json().path("counts").path("pending")
                    .asLong()).isEqualTo(ROUNDS);
        }
    }
}
