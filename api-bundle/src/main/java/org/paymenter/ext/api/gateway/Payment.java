package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A transaction as the ledger records it (one row per gateway and transaction id).
 *
 * @param subscriptionId the provider's subscription the payment belongs to, or null (see {@link PaymentEvent})
 */
public record Payment(String id, String invoiceId, String gateway, String instanceId, String transactionId,
        BigDecimal amount, String currency, BigDecimal fee, PaymentStatus status, Instant createdAt,
        Instant updatedAt, String subscriptionId) {

    /** A payment of no subscription (the constructor of api 1.0 and 1.1). */
    public Payment(String id, String invoiceId, String gateway, String instanceId, String transactionId,
            BigDecimal amount, String currency, BigDecimal fee, PaymentStatus status, Instant createdAt,
            Instant updatedAt) {
        this(id, invoiceId, gateway, instanceId, transactionId, amount, currency, fee, status, createdAt, updatedAt,
                null);
    }
}
