package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fact a verified webhook proves about one provider transaction. The ledger upserts by
 * (gateway, {@code transactionId}), so the same event delivered twice is recorded once.
 *
 * @param invoiceId     the invoice the money is for; null for events about a known transaction only
 * @param transactionId the provider's id (payment intent, capture id); never null
 * @param amount        exact amount, or null when the event only carries a fee
 * @param currency      ISO 4217 code, upper case
 * @param fee           the provider's fee, or null when unknown
 */
public record PaymentEvent(String invoiceId, String transactionId, BigDecimal amount, String currency,
        BigDecimal fee, PaymentStatus status) {

    public PaymentEvent {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
    }

    public static PaymentEvent succeeded(String invoiceId, String transactionId, BigDecimal amount,
            String currency) {
        return new PaymentEvent(invoiceId, transactionId, amount, currency, null, PaymentStatus.SUCCEEDED);
    }

    public static PaymentEvent processing(String invoiceId, String transactionId, BigDecimal amount,
            String currency) {
        return new PaymentEvent(invoiceId, transactionId, amount, currency, null, PaymentStatus.PROCESSING);
    }

    public static PaymentEvent failed(String invoiceId, String transactionId, BigDecimal amount, String currency) {
        return new PaymentEvent(invoiceId, transactionId, amount, currency, null, PaymentStatus.FAILED);
    }

    public PaymentEvent withFee(BigDecimal fee) {
        return new PaymentEvent(invoiceId, transactionId, amount, currency, fee, status);
    }
}
