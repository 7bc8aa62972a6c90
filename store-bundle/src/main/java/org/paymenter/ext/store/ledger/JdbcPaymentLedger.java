package org.paymenter.ext.store.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.api.gateway.PaymentEvent;
import org.paymenter.ext.store.api.Page;
import org.paymenter.ext.store.api.PaymentLedger;
import org.paymenter.ext.store.api.PaymentQuery;
import org.paymenter.ext.store.api.Recorded;
import org.paymenter.ext.store.api.StorageException;
import org.paymenter.ext.store.db.GroupCommitter;
import org.paymenter.ext.store.db.PageCursor;
import org.paymenter.ext.store.outbox.OutboxTable;

/**
 * The ledger on a JDBC database. Events are checked first (so a bad one is refused before anything is
 * written), then written by {@link LedgerWriter} through a {@link GroupCommitter}; {@link #record} returns
 * only once they are committed. Reads go straight to the pool.
 */
public final class JdbcPaymentLedger implements PaymentLedger, AutoCloseable {

    private static final int MAX_NAME = 100;

    private final DataSource dataSource;
    private final PaymentTable payments = new PaymentTable();
    private final AgreementTable agreements = new AgreementTable();
    private final LedgerWriter writer;
    private final GroupCommitter<Recorded> committer;
    private final Duration commitWait;

    /**
     * @param afterCommit told of every committed change (to publish it and wake the outbox); called on the
     *                    writer thread, so it must be quick
     */
    public JdbcPaymentLedger(DataSource dataSource, TimeOrderedIds ids, Clock clock, int maxGroup,
            Duration commitWait, Consumer<List<Payment>> afterCommit) {
        this.dataSource = dataSource;
        this.writer = new LedgerWriter(payments, agreements, new OutboxTable(), ids, clock);
        this.commitWait = commitWait;
        this.committer = new GroupCommitter<>(dataSource, maxGroup,
                results -> afterCommit.accept(results.stream().flatMap(r -> r.changed().stream()).toList()),
                "payments-ledger-writer");
    }

    @Override
    public Recorded record(String gateway, String instanceId, List<PaymentEvent> events,
            List<BillingAgreement> newAgreements) {
        checkName("gateway", gateway);
        checkName("instance id", instanceId);
        List<IncomingEvent> incoming = events.stream().map(IncomingEvent::of)
                .sorted(Comparator.comparing(IncomingEvent::transactionId)).toList();
        newAgreements.forEach(AgreementTable::check);
        if (incoming.isEmpty() && newAgreements.isEmpty()) {
            return new Recorded(List.of(), 0, 0);
        }
        List<BillingAgreement> sortedAgreements = newAgreements.stream()
                .sorted(Comparator.comparing(BillingAgreement::externalReference)).toList();
        try {
            return committer.submit(c -> writer.write(c, gateway, instanceId, incoming, sortedAgreements))
                    .get(commitWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new StorageException("recording failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new StorageException("the database did not commit within " + commitWait.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the commit", e);
        }
    }

    @Override
    public boolean reachable(Duration timeout) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public Optional<Payment> find(String id) {
        try (Connection connection = dataSource.getConnection()) {
            return payments.byId(connection, id).map(StoredPayment::toPayment);
        } catch (SQLException e) {
            throw new StorageException("cannot read payment " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Page<Payment> search(PaymentQuery query) {
        try (Connection connection = dataSource.getConnection()) {
            List<StoredPayment> rows = payments.search(connection, query, query.limit() + 1);
            List<Payment> items = rows.stream().limit(query.limit()).map(StoredPayment::toPayment).toList();
            String next = rows.size() > query.limit() ? PageCursor.after(items.get(items.size() - 1).id()) : null;
            return new Page<>(items, next);
        } catch (SQLException e) {
            throw new StorageException("cannot search the payments: " + e.getMessage(), e);
        }
    }

    /** Billing agreement of that gateway and external reference, as stored. */
    public Optional<BillingAgreement> agreement(String gateway, String externalReference) {
        try (Connection connection = dataSource.getConnection()) {
            return agreements.find(connection, gateway, externalReference);
        } catch (SQLException e) {
            throw new StorageException("cannot read billing agreement " + externalReference + ": " + e.getMessage(), e);
        }
    }

    /** Webhooks written a second time because another node inserted the same transaction first. */
    public long retried() {
        return committer.retried();
    }

    private static void checkName(String what, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_NAME + " characters");
        }
    }

    /** Commits what is queued and stops taking work. */
    @Override
    public void close() {
        committer.close();
    }
}
