package org.paymenter.ext.store.component;

import java.lang.System.Logger.Level;
import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.paymenter.ext.store.outbox.Backoff;
import org.paymenter.ext.store.settings.StoreSettings;

/**
 * Opens the store ({@link OpenStore}) on a thread of its own, so the database and its migrations (a few
 * hundred ms) come up beside the rest of the runtime's start rather than before it. Its services
 * ({@code PaymentLedger}, {@code Deliveries}, the {@code DataSource}) appear once it is open; until then
 * the webhook route answers 503 and providers retry, {@code /health} says the ledger is unavailable, and
 * the launcher waits for the ledger before it reports ready. If the database cannot be opened (PostgreSQL
 * not up yet, a locked H2 file), the reason is logged and opening is tried again with a growing pause
 * ({@link StoreSettings#OPEN_FIRST_RETRY} up to {@link StoreSettings#OPEN_MAX_RETRY}) until it works or
 * the runtime stops, so a runtime started before its database needs no restart.
 */
@Component(immediate = true)
public final class StoreComponent {

    public static final String DATASOURCE_PROPERTY = "paymenter.datasource";
    public static final String MAIN = "main";
    private static final System.Logger LOG = System.getLogger(StoreComponent.class.getName());
    private static final Backoff RETRY = new Backoff(StoreSettings.OPEN_FIRST_RETRY, 2, StoreSettings.OPEN_MAX_RETRY);

    private final Thread opening;
    private OpenStore store; // guarded by this
    private boolean closed; // guarded by this

    @Activate
    public StoreComponent(BundleContext context, @Reference EventAdmin eventAdmin) {
        this.opening = new Thread(() -> open(context, eventAdmin), "store-open");
        this.opening.start();
    }

    private void open(BundleContext context, EventAdmin eventAdmin) {
        for (int failures = 0;;) {
            OpenStore opened;
            try {
                opened = new OpenStore(context, eventAdmin);
            } catch (RuntimeException e) {
                failures++;
                Duration pause = RETRY.after(failures);
                if (failures == 1) {
                    LOG.log(Level.ERROR, "the payments store did not open: " + e.getMessage() + "; webhooks answer 503 "
                            + "until it does; trying again in " + pause.toSeconds() + " s, then every "
                            + RETRY.max().toSeconds() + " s at most", e);
                } else {
                    LOG.log(Level.WARNING, "the payments store still did not open (attempt " + (failures + 1) + "): "
                            + e.getMessage() + "; trying again in " + pause.toSeconds() + " s");
                }
                if (!pauseUnlessClosed(pause)) {
                    return;
                }
                continue;
            }
            if (failures > 0) {
                LOG.log(Level.INFO, "the payments store is open (attempt " + (failures + 1) + ")");
            }
            synchronized (this) {
                if (!closed) {
                    store = opened;
                    return;
                }
            }
            opened.close(); // deactivated while opening
            return;
        }
    }

    /** Waits {@code pause}; false if the component was deactivated meanwhile (or before). */
    private synchronized boolean pauseUnlessClosed(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                wait(Math.max(1, Duration.ofNanos(left).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Deactivate
    void stop() throws InterruptedException {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        opening.join();
        OpenStore opened;
        synchronized (this) {
            opened = store;
            store = null;
        }
        if (opened != null) {
            opened.close();
        }
    }
}
