package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;
import java.time.Instant;

/** A transaction as the ledger records it (one row per gateway and transaction id). */
public record Payment(String id, String invoiceId, String gateway, String instanceId, String transactionId,
        BigDecimal amount, String currency, BigDecimal fee, PaymentStatus status, Instant createdAt,
        Instant updatedAt) {
}
