package org.paymenter.ext.http.resources;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import org.paymenter.ext.store.api.PaymentLedger;

/**
 * Whether the payments ledger can take a payment now, for {@code /health}: not open (the store has not
 * opened its database), unreachable (open, but the database does not answer within {@link #PROBE_TIMEOUT}),
 * or open. The database is asked on a thread of its own, so one that hangs cannot hang the health check
 * (at most one question is in flight), and an answer is reused for {@link #FRESH}, so a busy load
 * balancer does not become load on the database.
 */
final class LedgerHealth {

    enum State {
        OPEN, UNAVAILABLE, UNREACHABLE;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    static final Duration FRESH = Duration.ofSeconds(1);
    private static final Executor PROBE_THREAD = task -> {
        Thread thread = new Thread(task, "ledger-probe");
        thread.setDaemon(true);
        thread.start();
    };

    private final PaymentStore store;
    private final Duration probeTimeout;
    private final Duration fresh;
    private final LongSupplier nanoTime;
    private CompletableFuture<Boolean> probe; // guarded by this
    private State last; // guarded by this
    private long lastAtNanos; // guarded by this

    LedgerHealth(PaymentStore store) {
        this(store, PROBE_TIMEOUT, FRESH, System::nanoTime);
    }

    LedgerHealth(PaymentStore store, Duration probeTimeout, Duration fresh, LongSupplier nanoTime) {
        this.store = store;
        this.probeTimeout = probeTimeout;
        this.fresh = fresh;
        this.nanoTime = nanoTime;
    }

    synchronized State state() {
        PaymentLedger ledger = store.ledgerOrNull();
        if (ledger == null) {
            return State.UNAVAILABLE;
        }
        if (last != null && nanoTime.getAsLong() - lastAtNanos < fresh.toNanos()) {
            return last;
        }
        if (probe == null || probe.isDone()) {
            probe = CompletableFuture.supplyAsync(() -> ledger.reachable(probeTimeout), PROBE_THREAD);
        }
        State state;
        try {
            state = probe.get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS) ? State.OPEN : State.UNREACHABLE;
        } catch (TimeoutException | ExecutionException e) {
            state = State.UNREACHABLE; // a probe still running is asked again by the next check
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.UNREACHABLE;
        }
        last = state;
        lastAtNanos = nanoTime.getAsLong(); // from the answer: callers queued behind a slow one reuse it
        return state;
    }
}
