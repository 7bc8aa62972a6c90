package org.paymenter.ext.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.gateway.PaymentEvent;
import org.paymenter.ext.api.gateway.PaymentStatus;

class PaymentMergeTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private static StoredPayment stored(PaymentEvent event) {
        return PaymentMerge.create("01J0000000000000000000000A", "stripe", "gw-1", IncomingEvent.of(event), T0);
    }

    private static IncomingEvent in(PaymentEvent event) {
        return IncomingEvent.of(event);
    }

    @Test
    void aRetryChangesNothing() {
        PaymentEvent paid = PaymentEvent.succeeded("inv-1", "pi_1", new BigDecimal("10.00"), "usd");
        assertThat(PaymentMerge.merge(stored(paid), in(paid), T1)).isEmpty();
    }

    @Test
    void aLateProcessingNeverDowngradesSucceeded() {
        StoredPayment row = stored(PaymentEvent.succeeded("inv-1", "pi_1", new BigDecimal("10.00"), "USD"));
        assertThat(PaymentMerge.merge(row, in(PaymentEvent.processing("inv-1", "pi_1", new BigDecimal("10.00"), "USD")), T1))
                .isEmpty();
    }

    @Test
    void statusesMoveUpOnly() {
        StoredPayment processing = stored(PaymentEvent.processing("inv-1", "pi_1", new BigDecimal("10"), "USD"));
        StoredPayment failed = PaymentMerge.merge(processing,
                in(PaymentEvent.failed("inv-1", "pi_1", new BigDecimal("10"), "USD")), T1).orElseThrow();
        assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(failed.updatedAt()).isEqualTo(T1);
        assertThat(failed.createdAt()).isEqualTo(T0);
        StoredPayment succeeded = PaymentMerge.merge(failed,
                in(PaymentEvent.succeeded("inv-1", "pi_1", new BigDecimal("10"), "USD")), T1).orElseThrow();
        assertThat(succeeded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(PaymentMerge.merge(succeeded, in(PaymentEvent.failed("inv-1", "pi_1", null, "USD")), T1)).isEmpty();
        StoredPayment refunded = PaymentMerge.merge(succeeded,
                in(new PaymentEvent("inv-1", "pi_1", null, "USD", null, PaymentStatus.REFUNDED)), T1).orElseThrow();
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.amountMinor()).isEqualTo(1000);
    }

    @Test
    void aFeeCanBeAddedLaterWithoutAnAmount() {
        StoredPayment row = stored(PaymentEvent.succeeded("inv-1", "pi_1", new BigDecimal("10.00"), "USD"));
        StoredPayment withFee = PaymentMerge.merge(row,
                in(new PaymentEvent(null, "pi_1", null, null, new BigDecimal("0.59"), PaymentStatus.SUCCEEDED)), T1)
                .orElseThrow();
        assertThat(withFee.feeMinor()).isEqualTo(59);
        assertThat(withFee.amountMinor()).isEqualTo(1000);
        assertThat(withFee.invoiceId()).isEqualTo("inv-1");
        assertThat(withFee.toPayment().fee().toPlainString()).isEqualTo("0.59");
    }

    @Test
    void anAmountReplacesTheStoredOne() {
        StoredPayment row = stored(PaymentEvent.processing("inv-1", "pi_1", new BigDecimal("10.00"), "EUR"));
        StoredPayment next = PaymentMerge.merge(row,
                in(PaymentEvent.processing("inv-1", "pi_1", new BigDecimal("12.00"), "EUR")), T1).orElseThrow();
        assertThat(next.amountMinor()).isEqualTo(1200);
    }

    @Test
    void aFeeWithoutAnyCurrencyIsRefused() {
        StoredPayment row = stored(new PaymentEvent("inv-1", "pi_1", null, null, null, PaymentStatus.PROCESSING));
        assertThatThrownBy(() -> PaymentMerge.merge(row,
                in(new PaymentEvent(null, "pi_1", null, null, BigDecimal.ONE, PaymentStatus.PROCESSING)), T1))
                .hasMessageContaining("without a currency");
    }

    @Test
    void eventsAreCheckedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> IncomingEvent.of(PaymentEvent.succeeded("i", "tx", BigDecimal.TEN, null)))
                .hasMessageContaining("no currency");
        assertThatThrownBy(() -> IncomingEvent.of(PaymentEvent.succeeded("i", "tx", BigDecimal.TEN, "dollars")))
                .hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> IncomingEvent.of(PaymentEvent.succeeded("i", "tx", new BigDecimal("0.001"), "EUR")))
                .hasMessageContaining("EUR has 2 decimal places");
        assertThatThrownBy(() -> IncomingEvent.of(PaymentEvent.succeeded("i", "x".repeat(256), BigDecimal.TEN, "EUR")))
                .hasMessageContaining("transaction id");
        assertThat(IncomingEvent.of(PaymentEvent.succeeded("i", "tx", BigDecimal.TEN, "eur")).currency()).isEqualTo("EUR");
    }
}
