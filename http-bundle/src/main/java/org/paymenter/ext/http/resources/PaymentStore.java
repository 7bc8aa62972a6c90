package org.paymenter.ext.http.resources;

import java.util.function.Supplier;

import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.store.api.Deliveries;
import org.paymenter.ext.store.api.PaymentLedger;

/**
 * The store's services as the routes reach them: they come and go with the store bundle (a database that
 * cannot be opened means no ledger), so each call looks them up, and their absence is a 503 that tells a
 * provider to retry later.
 */
public final class PaymentStore {

    private final Supplier<PaymentLedger> ledger;
    private final Supplier<Deliveries> deliveries;

    /** @param ledger the ledger service, or null while there is none; likewise {@code deliveries} */
    public PaymentStore(Supplier<PaymentLedger> ledger, Supplier<Deliveries> deliveries) {
        this.ledger = ledger;
        this.deliveries = deliveries;
    }

    PaymentLedger ledger() {
        return present(ledger.get());
    }

    /** The ledger, or null while the store has not opened its database. */
    PaymentLedger ledgerOrNull() {
        return ledger.get();
    }

    Deliveries deliveries() {
        return present(deliveries.get());
    }

    private static <T> T present(T service) {
        if (service == null) {
            throw new ApiException(503, "the payments store is not open (the runtime's log says why); try again later");
        }
        return service;
    }
}
