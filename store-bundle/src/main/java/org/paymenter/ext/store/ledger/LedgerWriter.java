package org.paymenter.ext.store.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.api.other.PanelTopics;
import org.paymenter.ext.store.api.Recorded;
import org.paymenter.ext.store.db.Timestamps;
import org.paymenter.ext.store.outbox.CallbackBody;
import org.paymenter.ext.store.outbox.OutboxRow;
import org.paymenter.ext.store.outbox.OutboxTable;

/**
 * Applies one webhook's events inside a transaction: for each transaction id, lock its row ({@code SELECT
 * ... FOR UPDATE}), insert it if absent, otherwise merge; every insert or real change writes the panel's
 * outbox row in the same transaction. Portable across H2 and PostgreSQL: when two nodes insert the same
 * transaction at once, the second gets a unique violation and is run again (by {@code GroupCommitter}),
 * finding the first's row.
 */
final class LedgerWriter {

    private final PaymentTable payments;
    private final AgreementTable agreements;
    private final OutboxTable outbox;
    private final TimeOrderedIds ids;
    private final Clock clock;

    LedgerWriter(PaymentTable payments, AgreementTable agreements, OutboxTable outbox, TimeOrderedIds ids, Clock clock) {
        this.payments = payments;
        this.agreements = agreements;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param events sorted by transaction id, so concurrent writers lock rows in the same order */
    Recorded write(Connection connection, String gateway, String instanceId, List<IncomingEvent> events,
            List<BillingAgreement> newAgreements) throws SQLException {
        Instant now = Timestamps.truncate(clock.instant());
        List<Payment> changed = new ArrayList<>();
        int duplicates = 0;
        for (IncomingEvent event : events) {
            Optional<StoredPayment> stored = payments.lock(connection, gateway, event.transactionId());
            StoredPayment next;
            if (stored.isEmpty()) {
                next = PaymentMerge.create(ids.next(), gateway, instanceId, event, now);
                payments.insert(connection, next);
            } else {
                Optional<StoredPayment> merged = PaymentMerge.merge(stored.get(), event, now);
                if (merged.isEmpty()) {
                    duplicates++;
                    continue;
                }
                next = merged.get();
                payments.update(connection, next);
            }
            Payment payment = next.toPayment();
            outbox.insert(connection, OutboxRow.pending(ids.next(), PanelTopics.INVOICE_PAYMENT, payment.id(),
                    CallbackBody.of(payment), now));
            changed.add(payment);
        }
        int agreementChanges = 0;
        for (BillingAgreement agreement : newAgreements) {
            if (agreements.upsert(connection, ids.next(), gateway, instanceId, agreement, now)) {
                agreementChanges++;
            }
        }
        return new Recorded(changed, duplicates, agreementChanges);
    }
}
