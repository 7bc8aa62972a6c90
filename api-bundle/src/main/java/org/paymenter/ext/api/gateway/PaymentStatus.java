package org.paymenter.ext.api.gateway;

import java.util.Locale;

/**
 * A transaction's state as the ledger keeps it. {@link #SUCCEEDED} is final against
 * {@link #PROCESSING}: a late "processing" never downgrades it.
 */
public enum PaymentStatus {
    PROCESSING, SUCCEEDED, FAILED, REFUNDED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
