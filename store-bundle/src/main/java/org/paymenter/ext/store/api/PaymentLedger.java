package org.paymenter.ext.store.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.api.gateway.PaymentEvent;

/**
 * The payments ledger (Paymenter's {@code invoice_transactions}, spec §1.7): one row per gateway and
 * provider transaction id, upserted by what each verified webhook proves. A status only moves up
 * (processing, failed, succeeded, refunded), so a late "processing" never downgrades "succeeded"; an
 * amount replaces the stored one, a fee is set whenever one is given; an event that changes nothing
 * changes nothing. Every change is committed together with the panel's outbox row for it.
 */
@ProviderType
public interface PaymentLedger {

    /** {@link #record(String, String, List, List)} without billing agreements. */
    default Recorded record(String gateway, String instanceId, List<PaymentEvent> events) {
        return record(gateway, instanceId, events, List.of());
    }

    /**
     * Records the events and agreements of one webhook in one transaction; returns once it is committed.
     *
     * @param gateway    the gateway extension's name ({@code stripe})
     * @param instanceId the instance whose webhook proved them
     * @throws IllegalArgumentException when an event cannot be stored exactly (an amount with more decimals
     *                                  than its currency has, a missing currency); nothing is recorded
     * @throws StorageException         when the database did not commit; nothing is recorded
     */
    Recorded record(String gateway, String instanceId, List<PaymentEvent> events, List<BillingAgreement> agreements);

    /** The payment with that id. */
    Optional<Payment> find(String id);

    /**
     * The payments that match, newest first.
     *
     * @throws IllegalArgumentException when the query's cursor was not made by this ledger
     */
    Page<Payment> search(PaymentQuery query);

    /**
     * Whether the database answers now: a connection from the pool passes its validity check within
     * {@code timeout}. May block for the pool's connection timeout when the database is gone; callers that
     * must answer quickly (the health check) run it on a thread of their own.
     */
    boolean reachable(Duration timeout);
}
