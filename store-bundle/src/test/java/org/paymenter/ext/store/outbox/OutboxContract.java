package org.paymenter.ext.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.api.gateway.PaymentEvent;
import org.paymenter.ext.api.other.PanelTopics;
import org.paymenter.ext.store.api.Deliveries;
import org.paymenter.ext.store.api.Delivery;
import org.paymenter.ext.store.api.DeliveryStatus;
import org.paymenter.ext.store.api.Page;
import org.paymenter.ext.store.testing.Await;
import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.LedgerFixture;
import org.paymenter.ext.store.testing.Signatures;
import org.paymenter.ext.store.testing.TestPanel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outbox and its worker against a test panel, once per database backend. Back-off is shortened to
 * milliseconds here; the runtime's own constants are checked in BackoffTest and end to end.
 */
abstract class OutboxContract {

    private static final String SECRET = "test-callback-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), 2, Duration.ofMillis(400));

    @TempDir
    Path dir;

    private String url;
    private LedgerFixture node;
    private TestPanel panel;

    protected abstract Backend backend();

    @BeforeEach
    void open() {
        url = backend().freshDatabase(dir);
        node = new LedgerFixture(dir, url);
        panel = new TestPanel();
    }

    @AfterEach
    void close() {
        panel.close();
        node.close();
    }

    private OutboxWorker worker(LedgerFixture on, String nodeId) {
        PanelCallback callback = new PanelCallback(panel.url(), new CallbackSigner(SECRET), HttpClient.newHttpClient(),
                Clock.systemUTC(), Duration.ofSeconds(5));
        return new OutboxWorker(new OutboxWorker.Setup(on.dataSource(), new OutboxTable(), callback, FAST,
                Clock.systemUTC(), nodeId, Duration.ofMillis(100), Duration.ofSeconds(30), 20, 4));
    }

    private void pay(String invoice) {
        node.ledger().record("stripe", "gw-1",
                List.of(PaymentEvent.succeeded(invoice, "pi_" + invoice, new BigDecimal("10.00"), "USD")));
    }

    private Deliveries deliveries() {
        return new JdbcDeliveries(node.dataSource(), new OutboxTable(), Optional.empty());
    }

    @Test
    void aPanelThatAnswers500ThreeTimesGetsThePaymentOnceItRecovers() throws Exception {
        panel.answer(500, 500, 500).answerFromNowOn(200);
        pay("inv-1");
        try (OutboxWorker worker = worker(node, "node-a")) {
            Await.until("the panel to accept the callback", WAIT, () -> panel.accepted().size() == 1,
                    () -> "calls " + panel.calls());
            Thread.sleep(300); // nothing more arrives once it is delivered
        }
        List<TestPanel.Call> calls = panel.calls();
        assertThat(calls).extracting(TestPanel.Call::answered).containsExactly(500, 500, 500, 200);
        assertThat(calls).extracting(TestPanel.Call::deliveryId).containsOnly(calls.get(0).deliveryId());
        assertThat(calls).allSatisfy(c -> {
            assertThat(Signatures.valid(c.signature(), c.body(), SECRET)).as("signature %s", c.signature()).isTrue();
            assertThat(c.event()).isEqualTo(PanelTopics.INVOICE_PAYMENT);
        });
        JsonNode payment = new ObjectMapper().readTree(calls.get(3).body());
        assertThat(payment.path("invoiceId").asText()).isEqualTo("inv-1");
        assertThat(payment.path("amount").asText()).isEqualTo("10.00");
        assertThat(payment.path("status").asText()).isEqualTo("succeeded");

        Delivery delivery = deliveries().list(EnumSet.of(DeliveryStatus.DELIVERED), 10, null).items().get(0);
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.paymentId()).isEqualTo(payment.path("id").asText());
        assertThat(delivery.deliveredAt()).isNotNull();
        assertThat(deliveries().counts()).containsEntry(DeliveryStatus.DELIVERED, 1L)
                .containsEntry(DeliveryStatus.PENDING, 0L).containsEntry(DeliveryStatus.FAILED, 0L);
    }

    @Test
    void aDeliveryLeftFailingByAStoppedNodeIsSentOnceByTheNextOne() {
        panel.answerFromNowOn(503);
        pay("inv-2");
        try (OutboxWorker first = worker(node, "node-before-restart")) {
            Await.until("a failed attempt", WAIT, () -> !panel.calls().isEmpty(), () -> "no calls");
        }
        Delivery failed = deliveries().list(EnumSet.of(DeliveryStatus.FAILED), 10, null).items().get(0);
        assertThat(failed.lastError()).isEqualTo("HTTP 503");
        panel.answerFromNowOn(200);
        try (LedgerFixture restarted = new LedgerFixture(dir, url); OutboxWorker second = worker(restarted, "node-after")) {
            Await.until("the delivery after the restart", WAIT, () -> panel.accepted().size() == 1,
                    () -> "calls " + panel.calls());
        }
        assertThat(panel.accepted()).extracting(TestPanel.Call::deliveryId).containsExactly(failed.id());
    }

    @Test
    void aNodeRestartedAfterACrashMidDeliveryFreesItsOwnClaimAtOnce() throws Exception {
        pay("inv-crash");
        try (Connection connection = node.dataSource().getConnection()) {
            // What a crash between claim and outcome leaves: a claim good for another 30 s.
            assertThat(new OutboxTable().claimDue(connection, Instant.now(),
                    Instant.now().plusSeconds(30), "node-a", 10)).hasSize(1);
        }
        try (OutboxWorker other = worker(node, "node-b")) {
            Thread.sleep(300);
            assertThat(panel.calls()).as("another node respects the live claim").isEmpty();
        }
        try (OutboxWorker restarted = worker(node, "node-a")) {
            Await.until("the delivery", Duration.ofSeconds(5), () -> panel.accepted().size() == 1,
                    () -> "calls " + panel.calls());
        }
    }

    @Test
    void twoNodesNeverSendTheSameRowTwice() {
        int payments = 30;
        for (int i = 0; i < payments; i++) {
            pay("inv-" + i);
        }
        panel.slow(10);
        try (LedgerFixture other = new LedgerFixture(dir, url); OutboxWorker a = worker(node, "node-a");
                OutboxWorker b = worker(other, "node-b")) {
            a.wake();
            b.wake();
            Await.until("every delivery", WAIT, () -> panel.accepted().size() >= payments,
                    () -> panel.accepted().size() + " accepted");
        }
        Map<String, Long> perDelivery = panel.calls().stream()
                .collect(Collectors.groupingBy(TestPanel.Call::deliveryId, Collectors.counting()));
        assertThat(perDelivery).hasSize(payments).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
    }

    @Test
    void deliveriesAreListedByStatusAndPaged() {
        for (int i = 0; i < 5; i++) {
            pay("inv-" + i);
        }
        Deliveries waiting = new JdbcDeliveries(node.dataSource(), new OutboxTable(), Optional.of("no callback URL"));
        assertThat(waiting.idleReason()).contains("no callback URL");
        assertThat(waiting.counts()).containsEntry(DeliveryStatus.PENDING, 5L);
        Set<DeliveryStatus> open = EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);
        Page<Delivery> first = waiting.list(open, 2, null);
        Page<Delivery> second = waiting.list(open, 2, first.next());
        Page<Delivery> third = waiting.list(open, 2, second.next());
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(2);
        assertThat(third.items()).hasSize(1);
        assertThat(third.next()).isNull();
        assertThat(waiting.list(EnumSet.of(DeliveryStatus.DELIVERED), 10, null).items()).isEmpty();
        assertThat(first.items().get(0).id()).isLessThan(second.items().get(0).id());
    }

    @Test
    void onlyRowsDeliveredLongerThanTheRetentionAgoArePruned() throws Exception {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Duration retention = Duration.ofDays(30);
        Instant longAgo = now.minus(retention).minusSeconds(1);
        try (Connection connection = node.dataSource().getConnection()) {
            OutboxTable table = new OutboxTable();
            table.insert(connection, row("old-delivered", DeliveryStatus.DELIVERED, longAgo, longAgo));
            table.insert(connection, row("new-delivered", DeliveryStatus.DELIVERED, longAgo, now.minus(Duration.ofDays(1))));
            table.insert(connection, row("old-pending", DeliveryStatus.PENDING, longAgo, null));
            table.insert(connection, row("old-failed", DeliveryStatus.FAILED, longAgo, null));
        }
        OutboxPruner pruner = new OutboxPruner(node.dataSource(), new OutboxTable(), Clock.fixed(now, java.time.ZoneOffset.UTC),
                retention);

        assertThat(pruner.prune()).isEqualTo(1);
        assertThat(pruner.prune()).isZero();
        Deliveries deliveries = new JdbcDeliveries(node.dataSource(), new OutboxTable(), Optional.empty());
        assertThat(deliveries.list(EnumSet.allOf(DeliveryStatus.class), 10, null).items()).extracting(Delivery::id)
                .containsExactlyInAnyOrder("new-delivered", "old-pending", "old-failed");
    }

    private static OutboxRow row(String id, DeliveryStatus status, Instant created, Instant delivered) {
        return new OutboxRow(id, PanelTopics.INVOICE_PAYMENT, "pay-" + id, "{}", status, 1, created, null, created,
                delivered);
    }
}
