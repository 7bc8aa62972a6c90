package org.paymenter.ext.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.api.gateway.PaymentEvent;
import org.paymenter.ext.api.gateway.PaymentStatus;
import org.paymenter.ext.store.api.Page;
import org.paymenter.ext.store.api.PaymentQuery;
import org.paymenter.ext.store.api.PaymentView;
import org.paymenter.ext.store.api.Recorded;
import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.LedgerFixture;

/** The ledger's behaviour (spec §1.7), run once per database backend by the subclasses. */
abstract class LedgerContract {

    private static final int RACE_ROUNDS = 40;
    /** Rounds go on past RACE_ROUNDS until one has hit the race (2 cores do not always in 40), up to this. */
    private static final int MAX_RACE_ROUNDS = 400;

    @TempDir
    Path dir;

    private String url;
    private LedgerFixture node;

    protected abstract Backend backend();

    @BeforeEach
    void open() {
        url = backend().freshDatabase(dir);
        node = new LedgerFixture(dir, url);
    }

    @AfterEach
    void close() {
        node.close();
    }

    private static PaymentEvent paid(String invoice, String tx, String amount, String currency) {
        return PaymentEvent.succeeded(invoice, tx, new BigDecimal(amount), currency);
    }

    private Recorded record(PaymentEvent... events) {
        return node.ledger().record("stripe", "gw-1", List.of(events));
    }

    private Payment only(String invoice) {
        List<Payment> items = node.ledger().search(new PaymentQuery(invoice, null, null, null, null, 50, null)).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void theSameWebhookDeliveredThreeTimesIsOnePayment() {
        PaymentEvent event = paid("inv-1", "pi_1", "10.00", "USD");
        Recorded first = record(event);
        Recorded second = record(event);
        Recorded third = record(event);
        assertThat(first.recorded()).isEqualTo(1);
        assertThat(List.of(second.recorded(), second.duplicates(), third.recorded(), third.duplicates()))
                .containsExactly(0, 1, 0, 1);
        Payment payment = only("inv-1");
        assertThat(PaymentView.of(payment)).containsEntry("amount", "10.00").containsEntry("currency", "USD")
                .containsEntry("status", "succeeded").containsEntry("gateway", "stripe")
                .containsEntry("instanceId", "gw-1").containsEntry("transactionId", "pi_1");
        assertThat(node.ledger().find(payment.id())).contains(payment);
        assertThat(node.count("payments")).isEqualTo(1);
        assertThat(node.count("panel_outbox")).isEqualTo(1);
        assertThat(node.announced()).containsExactly(payment);
    }

    @Test
    void aSubscriptionsFirstPaymentAndItsRenewalAreRecordedUnderTheSubscription() {
        record(paid("inv-sub", "pi_first", "9.99", "USD").withSubscription("sub_1"));
        Recorded renewal = record(PaymentEvent.renewal("sub_1", "pi_second", new BigDecimal("9.99"), "USD"));

        assertThat(renewal.recorded()).isEqualTo(1);
        assertThat(only("inv-sub").subscriptionId()).isEqualTo("sub_1");
        Payment renewed = node.announced().get(1);
        assertThat(PaymentView.of(renewed)).containsEntry("invoiceId", null).containsEntry("subscriptionId", "sub_1")
                .containsEntry("transactionId", "pi_second").containsEntry("amount", "9.99");
        assertThat(node.ledger().find(renewed.id())).contains(renewed);
        assertThat(node.count("panel_outbox")).isEqualTo(2);
        List<Payment> ofSubscription = node.ledger().search(
                new PaymentQuery(null, null, null, null, null, 50, null, "sub_1")).items();
        assertThat(ofSubscription).extracting(Payment::transactionId).containsExactly("pi_second", "pi_first");
        assertThat(node.ledger().search(new PaymentQuery(null, null, null, null, null, 50, null, "sub_other"))
                .items()).isEmpty();
    }

    @Test
    void aSubscriptionIdLearnedLaterFillsInAndIsNeverErased() {
        record(paid("inv-sub2", "pi_sub2", "5.00", "EUR"));
        Recorded learned = record(paid("inv-sub2", "pi_sub2", "5.00", "EUR").withSubscription("sub_2"));
        Recorded again = record(paid("inv-sub2", "pi_sub2", "5.00", "EUR"));

        assertThat(learned.recorded()).isEqualTo(1);
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(only("inv-sub2").subscriptionId()).isEqualTo("sub_2");
    }

    @Test
    void aLateProcessingNeverDowngradesSucceeded() {
        record(paid("inv-2", "pi_2", "25.00", "EUR"));
        Recorded late = record(PaymentEvent.processing("inv-2", "pi_2", new BigDecimal("25.00"), "EUR"));
        assertThat(late.duplicates()).isEqualTo(1);
        assertThat(only("inv-2").status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(node.count("panel_outbox")).isEqualTo(1);
    }

    @Test
    void processingThenFailedThenSucceededIsOneRowThatEndsSucceeded() {
        record(PaymentEvent.processing("inv-3", "pi_3", new BigDecimal("5.00"), "USD"));
        record(PaymentEvent.failed("inv-3", "pi_3", new BigDecimal("5.00"), "USD"));
        record(paid("inv-3", "pi_3", "5.00", "USD"));
        assertThat(only("inv-3").status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(node.count("panel_outbox")).isEqualTo(3);
        assertThat(node.announced()).extracting(Payment::status)
                .containsExactly(PaymentStatus.PROCESSING, PaymentStatus.FAILED, PaymentStatus.SUCCEEDED);
    }

    @Test
    void aFeeCanBeAddedToAnExistingTransactionLater() {
        record(paid("inv-4", "pi_4", "100.00", "USD"));
        Instant before = only("inv-4").updatedAt();
        Recorded fee = record(new PaymentEvent(null, "pi_4", null, null, new BigDecimal("3.20"), PaymentStatus.SUCCEEDED));
        assertThat(fee.recorded()).isEqualTo(1);
        Payment payment = only("inv-4");
        assertThat(payment.fee()).isEqualByComparingTo("3.20");
        assertThat(payment.amount()).isEqualByComparingTo("100.00");
        assertThat(payment.updatedAt()).isAfterOrEqualTo(before);
    }

    @Test
    void anEventThatChangesNothingLeavesTheRowAndTheOutboxAlone() throws Exception {
        record(paid("inv-5", "pi_5", "1.00", "USD"));
        Payment stored = only("inv-5");
        Thread.sleep(5);
        record(paid("inv-5", "pi_5", "1.00", "USD"));
        assertThat(only("inv-5").updatedAt()).isEqualTo(stored.updatedAt());
        assertThat(node.count("panel_outbox")).isEqualTo(1);
        assertThat(node.announced()).hasSize(1);
    }

    @Test
    void amountsAreWholeMinorUnitsOfTheirCurrency() {
        record(paid("inv-jpy", "tx-jpy", "1000", "JPY"), paid("inv-usd", "tx-usd", "10.5", "usd"),
                paid("inv-bhd", "tx-bhd", "1.234", "BHD"));
        assertThat(minor("tx-jpy")).isEqualTo(1000);
        assertThat(minor("tx-usd")).isEqualTo(1050);
        assertThat(minor("tx-bhd")).isEqualTo(1234);
        assertThat(PaymentView.of(only("inv-jpy")).get("amount")).isEqualTo("1000");
        assertThat(PaymentView.of(only("inv-usd")).get("amount")).isEqualTo("10.50");
        assertThat(PaymentView.of(only("inv-bhd")).get("amount")).isEqualTo("1.234");
    }

    private long minor(String tx) {
        return node.longValue("SELECT amount_minor FROM payments WHERE transaction_id = ?", tx);
    }

    @Test
    void aWebhookWithOneEventThatCannotBeStoredExactlyRecordsNothing() {
        assertThatThrownBy(() -> record(paid("inv-6", "pi_6a", "1.00", "USD"), paid("inv-6", "pi_6b", "1.005", "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD has 2 decimal places");
        assertThat(node.count("payments")).isZero();
        assertThat(node.count("panel_outbox")).isZero();
    }

    @Test
    void searchFiltersAndPagesNewestFirst() throws Exception {
        Instant start = Instant.now();
        for (int i = 0; i < 7; i++) {
            String gateway = i % 2 == 0 ? "stripe" : "paypal";
            PaymentEvent event = i == 6 ? PaymentEvent.failed("inv-b", "tx-" + i, BigDecimal.ONE, "EUR")
                    : paid(i < 4 ? "inv-a" : "inv-b", "tx-" + i, "1.00", "EUR");
            node.ledger().record(gateway, "gw", List.of(event));
            Thread.sleep(2);
        }
        List<String> seen = new ArrayList<>();
        PaymentQuery query = new PaymentQuery(null, null, null, null, null, 3, null);
        Page<Payment> page = node.ledger().search(query);
        int pages = 1;
        page.items().forEach(p -> seen.add(p.transactionId()));
        while (page.next() != null) {
            page = node.ledger().search(query.withCursor(page.next()));
            page.items().forEach(p -> seen.add(p.transactionId()));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("tx-6", "tx-5", "tx-4", "tx-3", "tx-2", "tx-1", "tx-0");

        assertThat(search(new PaymentQuery("inv-a", null, null, null, null, 50, null))).hasSize(4);
        assertThat(search(new PaymentQuery(null, "paypal", null, null, null, 50, null)))
                .containsExactly("tx-5", "tx-3", "tx-1");
        assertThat(search(new PaymentQuery("inv-b", "stripe", PaymentStatus.FAILED, null, null, 50, null)))
                .containsExactly("tx-6");
        assertThat(search(new PaymentQuery(null, null, null, start.minusSeconds(60), start.plusSeconds(60), 50, null)))
                .hasSize(7);
        assertThat(search(new PaymentQuery(null, null, null, Instant.now().plusSeconds(5), null, 50, null))).isEmpty();
        assertThat(search(new PaymentQuery(null, null, null, null, start.minusSeconds(1), 50, null))).isEmpty();
        assertThatThrownBy(() -> node.ledger().search(query.withCursor("bogus")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> search(PaymentQuery query) {
        return node.ledger().search(query).items().stream().map(Payment::transactionId).toList();
    }

    @Test
    void billingAgreementsAreUpsertedByExternalReference() {
        BillingAgreement visa = new BillingAgreement("pm_1", "user-1", "Visa **** 4242", "visa", LocalDate.of(2030, 1, 31));
        Recorded first = node.ledger().record("stripe", "gw-1", List.of(), List.of(visa));
        Recorded again = node.ledger().record("stripe", "gw-1", List.of(), List.of(visa));
        Recorded renamed = node.ledger().record("stripe", "gw-1", List.of(),
                List.of(new BillingAgreement("pm_1", null, "Visa **** 4242 (work)", null, null)));
        assertThat(List.of(first.agreements(), again.agreements(), renamed.agreements())).containsExactly(1, 0, 1);
        assertThat(node.ledger().agreement("stripe", "pm_1")).contains(
                new BillingAgreement("pm_1", "user-1", "Visa **** 4242 (work)", "visa", LocalDate.of(2030, 1, 31)));
        assertThat(node.count("billing_agreements")).isEqualTo(1);
    }

    @Test
    void twoNodesRecordingTheSameEventAtTheSameMomentMakeOneRow() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (LedgerFixture other = new LedgerFixture(dir, url)) {
            int round = 0;
            for (; round < RACE_ROUNDS || (round < MAX_RACE_ROUNDS
                    && node.ledger().retried() + other.ledger().retried() == 0); round++) {
                CountDownLatch go = new CountDownLatch(1);
                PaymentEvent event = paid("inv-race-" + round, "pi_race_" + round, "42.00", "USD");
                Future<Recorded> a = threads.submit(() -> {
                    go.await();
                    return node.ledger().record("stripe", "gw-1", List.of(event));
                });
                Future<Recorded> b = threads.submit(() -> {
                    go.await();
                    return other.ledger().record("stripe", "gw-1", List.of(event));
                });
                go.countDown();
                Recorded ra = a.get(30, TimeUnit.SECONDS);
                Recorded rb = b.get(30, TimeUnit.SECONDS);
                assertThat(ra.recorded() + rb.recorded()).as("round %d", round).isEqualTo(1);
                assertThat(ra.duplicates() + rb.duplicates()).as("round %d", round).isEqualTo(1);
            }
            // The race was real: some rounds took the unique-violation-then-update path.
            assertThat(node.ledger().retried() + other.ledger().retried()).as("%d rounds", round).isPositive();
            assertThat(node.count("payments")).isEqualTo(round);
            assertThat(node.count("panel_outbox")).isEqualTo(round);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentWebhooksAreAllCommittedSharingCommits() throws Exception {
        int senders = 8;
        int each = 40;
        ExecutorService threads = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                results.add(threads.submit(() -> {
                    int recorded = 0;
                    for (int i = 0; i < each; i++) {
                        recorded += record(paid("inv-" + sender, "tx-" + sender + "-" + i, "2.00", "EUR")).recorded();
                    }
                    return recorded;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(each);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(node.count("payments")).isEqualTo(senders * each);
        assertThat(node.count("panel_outbox")).isEqualTo(senders * each);
        assertThat(node.announced()).hasSize(senders * each);
    }
}
