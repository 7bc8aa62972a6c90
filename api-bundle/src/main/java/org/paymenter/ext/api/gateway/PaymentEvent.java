package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fact a verified webhook proves about one provider transaction. The ledger upserts by
 * (gateway, {@code transactionId}), so the same event delivered twice is recorded once.
 *
 * @param invoiceId      the invoice the money is for; null for events about a known transaction only, and for a
 *                       subscription's renewal, which the panel matches to its own invoice by {@code subscriptionId}
 * @param transactionId  the provider's id (payment intent, capture id); never null
 * @param amount         exact amount, or null when the event only carries a fee
 * @param currency       ISO 4217 code, upper case
 * @param fee            the provider's fee, or null when unknown
 * @param subscriptionId the provider's subscription this payment belongs to (its first period or a renewal), or
 *                       null for a one-time payment
 */
public record PaymentEvent(String invoiceId, String transactionId, BigDecimal amount, String currency,
        BigDecimal fee, PaymentStatus status, String subscriptionId) {

    public PaymentEvent {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(status, "status");
    }

    /** An event about no subscription (the constructor of api 1.0 and 1.1, kept for their extensions). */
    public PaymentEvent(String invoiceId, String transactionId, BigDecimal amount, String currency, BigDecimal fee,
            PaymentStatus status) {
        this(invoiceId, transactionId, amount, currency, fee, status, null);
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

    /**
     * A subscription's later period paid: no invoice of the panel's is known to the provider, so the panel
     * applies it to the newest invoice of the service holding {@code subscriptionId}.
     */
    public static PaymentEvent renewal(String subscriptionId, String transactionId, BigDecimal amount,
            String currency) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        return new PaymentEvent(null, transactionId, amount, currency, null, PaymentStatus.SUCCEEDED, subscriptionId);
    }

    public PaymentEvent withFee(BigDecimal fee) {
        return new PaymentEvent(invoiceId, transactionId, amount, currency, fee, status, subscriptionId);
    }

    public PaymentEvent withSubscription(String subscription) {
        return new PaymentEvent(invoiceId, transactionId, amount, currency, fee, status, subscription);
    }
}
