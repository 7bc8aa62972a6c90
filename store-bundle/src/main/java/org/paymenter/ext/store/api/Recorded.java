package org.paymenter.ext.store.api;

import java.util.List;

import org.paymenter.ext.api.gateway.Payment;

/**
 * What one {@link PaymentLedger#record} call changed.
 *
 * @param changed    the payments created or updated, as now stored
 * @param duplicates events that changed nothing (a provider's retry of what is already recorded)
 * @param agreements billing agreements created or updated
 */
public record Recorded(List<Payment> changed, int duplicates, int agreements) {

    public Recorded {
        changed = List.copyOf(changed);
    }

    /** How many payments were created or updated. */
    public int recorded() {
        return changed.size();
    }
}
