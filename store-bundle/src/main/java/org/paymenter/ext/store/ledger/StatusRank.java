package org.paymenter.ext.store.ledger;

import org.paymenter.ext.api.gateway.PaymentStatus;

/**
 * The order a transaction's status moves in: processing, failed, succeeded, refunded. A status replaces the
 * stored one only when it ranks higher, so webhooks that arrive late or twice cannot move a payment back
 * (a "processing" after "succeeded" is stale; a failed attempt may still succeed).
 */
final class StatusRank {

    private StatusRank() {
    }

    static int of(PaymentStatus status) {
        return switch (status) {
            case PROCESSING -> 0;
            case FAILED -> 1;
            case SUCCEEDED -> 2;
            case REFUNDED -> 3;
        };
    }

    /** The status to keep when {@code incoming} arrives for a transaction in {@code current}. */
    static PaymentStatus next(PaymentStatus current, PaymentStatus incoming) {
        return of(incoming) > of(current) ? incoming : current;
    }
}
