package org.paymenter.ext.store.outbox;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Sends the outbox to the panel: claims the rows that are due, POSTs them on a few sender threads, and
 * records each outcome; a failed row is due again after its back-off. Woken at once when this node commits
 * a change, and every poll interval otherwise (retries, and rows other nodes wrote). Everything it needs
 * to carry on is in the table, so it picks up where it was after a restart.
 */
public final class OutboxWorker implements AutoCloseable {

    /** How long a stop waits for the POSTs in flight (each is bounded by the callback timeout). */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final System.Logger LOG = System.getLogger(OutboxWorker.class.getName());

    /** What the worker depends on; the durations and sizes come from StoreSettings. */
    public record Setup(DataSource dataSource, OutboxTable table, PanelCallback callback, Backoff backoff,
            Clock clock, String node, Duration poll, Duration claim, int batch, int senders) {
    }

    private final Setup setup;
    private final ExecutorService senders;
    private final Thread loop;
    private final Object signal = new Object();
    private boolean woken; // guarded by signal
    private volatile boolean running = true;

    public OutboxWorker(Setup setup) {
        this.setup = setup;
        this.senders = Executors.newFixedThreadPool(setup.senders(), r -> {
            Thread t = new Thread(r, "panel-callback-sender");
            t.setDaemon(true);
            return t;
        });
        this.loop = new Thread(this::run, "panel-callback-outbox");
        loop.setDaemon(true);
        loop.start();
        LOG.log(Level.INFO, "panel callbacks go to " + setup.callback().url());
    }

    /** Looks at the outbox now rather than at the next poll (a change was just committed). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        releaseOwnClaims();
        while (running) {
            int sent = 0;
            try {
                sent = sendDue();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, "panel callbacks: cannot read the outbox (will retry): " + e.getMessage());
            }
            if (sent < setup.batch()) {
                awaitWork();
            }
        }
    }

    /** A node id is stable across restarts, so what this node claimed before a crash is free again at once. */
    private void releaseOwnClaims() {
        try (Connection connection = setup.dataSource().getConnection()) {
            int released = setup.table().releaseClaims(connection, setup.node());
            if (released > 0) {
                LOG.log(Level.INFO, "released " + released + " panel callback claim(s) left by the previous run");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot release old claims (they expire on their own): " + e.getMessage());
        }
    }

    private void awaitWork() {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(setup.poll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Claims and sends one batch; returns how many rows it sent. */
    int sendDue() throws SQLException {
        Instant now = setup.clock().instant();
        List<OutboxRow> rows;
        try (Connection connection = setup.dataSource().getConnection()) {
            rows = setup.table().claimDue(connection, now, now.plus(setup.claim()), setup.node(), setup.batch());
        }
        List<Future<?>> sends = new ArrayList<>();
        for (OutboxRow row : rows) {
            sends.add(senders.submit(() -> send(row)));
        }
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "panel callback failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                break;
            }
        }
        return rows.size();
    }

    private void send(OutboxRow row) {
        CallbackOutcome outcome = setup.callback().post(row);
        Instant now = setup.clock().instant();
        try (Connection connection = setup.dataSource().getConnection()) {
            if (outcome.delivered()) {
                setup.table().markDelivered(connection, row.id(), setup.node(), now);
                LOG.log(Level.DEBUG, "delivered " + row.id() + " (payment " + row.paymentId() + ")");
            } else {
                int failures = row.attempts() + 1;
                Duration wait = setup.backoff().after(failures);
                setup.table().markFailed(connection, row.id(), setup.node(), now.plus(wait), outcome.error());
                LOG.log(Level.WARNING, "panel callback " + row.id() + " (payment " + row.paymentId() + ") failed: "
                        + outcome.error() + "; attempt " + failures + ", next in " + wait.toSeconds() + " s");
            }
        } catch (SQLException e) {
            // The claim expires and the row is sent again: the panel sees the same delivery id twice at worst.
            LOG.log(Level.WARNING, "cannot record the outcome of panel callback " + row.id() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            loop.join(STOP_WAIT.toMillis());
            senders.shutdown();
            if (!senders.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
    }
}
