package org.paymenter.ext.store.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * Spec §1.7's upsert, as a pure function: what a transaction's row becomes when an event about it arrives.
 * The status only moves up ({@link StatusRank}); an amount (with its currency) replaces the stored one; a
 * fee is set whenever the event has one; an invoice id or a subscription id fills in a missing one.
 */
final class PaymentMerge {

    private PaymentMerge() {
    }

    /** The row for a transaction seen for the first time. */
    static StoredPayment create(String id, String gateway, String instanceId, IncomingEvent event, Instant now) {
        String currency = event.currency();
        return new StoredPayment(id, event.invoiceId(), gateway, instanceId, event.transactionId(),
                event.amount() == null ? null : MinorUnits.toMinor(event.amount(), currency), currency,
                fee(event, currency), event.status(), now, now, event.subscriptionId());
    }

    /**
     * The row after {@code event}, or empty when the event changes nothing (a provider's retry).
     *
     * @throws IllegalArgumentException when a fee arrives and neither the event nor the row has a currency
     */
    static Optional<StoredPayment> merge(StoredPayment row, IncomingEvent event, Instant now) {
        boolean newAmount = event.amount() != null;
        String currency = newAmount || row.currency() == null ? event.currency() : row.currency();
        Long amount = newAmount ? Long.valueOf(MinorUnits.toMinor(event.amount(), currency)) : row.amountMinor();
        Long fee = event.fee() != null ? fee(event, currency) : row.feeMinor();
        StoredPayment next = new StoredPayment(row.id(),
                event.invoiceId() != null ? event.invoiceId() : row.invoiceId(), row.gateway(), row.instanceId(),
                row.transactionId(), amount, currency, fee, StatusRank.next(row.status(), event.status()),
                row.createdAt(), now, event.subscriptionId() != null ? event.subscriptionId() : row.subscriptionId());
        return next.sameFacts(row) ? Optional.empty() : Optional.of(next);
    }

    private static Long fee(IncomingEvent event, String currency) {
        if (event.fee() == null) {
            return null;
        }
        if (currency == null) {
            throw new IllegalArgumentException("a fee for transaction " + event.transactionId()
                    + " came without a currency, and none is known for it");
        }
        return MinorUnits.toMinor(event.fee(), currency);
    }
}
