package org.paymenter.ext.store.ledger;

import java.time.Instant;
import java.util.Objects;

import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.api.gateway.PaymentStatus;

/** A row of {@code payments}: amounts in minor units, as stored. */
record StoredPayment(String id, String invoiceId, String gateway, String instanceId, String transactionId,
        Long amountMinor, String currency, Long feeMinor, PaymentStatus status, Instant createdAt,
        Instant updatedAt, String subscriptionId) {

    Payment toPayment() {
        return new Payment(id, invoiceId, gateway, instanceId, transactionId,
                amountMinor == null ? null : MinorUnits.toDecimal(amountMinor, currency), currency,
                feeMinor == null ? null : MinorUnits.toDecimal(feeMinor, currency), status, createdAt, updatedAt,
                subscriptionId);
    }

    /** Whether the two rows say the same about the transaction (timestamps aside). */
    boolean sameFacts(StoredPayment other) {
        return Objects.equals(invoiceId, other.invoiceId)
                && Objects.equals(amountMinor, other.amountMinor)
                && Objects.equals(currency, other.currency)
                && Objects.equals(feeMinor, other.feeMinor)
                && status == other.status
                && Objects.equals(subscriptionId, other.subscriptionId);
    }
}
