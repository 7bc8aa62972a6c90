package org.paymenter.ext.store.component;

import java.lang.System.Logger.Level;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * Opens the store ({@link OpenStore}) on a thread of its own, so the database and its migrations (a few
 * hundred ms) come up beside the rest of the runtime's start rather than before it. Its services
 * ({@code PaymentLedger}, {@code Deliveries}, the {@code DataSource}) appear once it is open; until then
 * the webhook route answers 503 and providers retry, and the launcher waits for the ledger before it
 * reports ready. If the database cannot be opened, the reason is logged as an error and nothing is
 * registered.
 */
@Component(immediate = true)
public final class StoreComponent {

    public static final String DATASOURCE_PROPERTY = "paymenter.datasource";
    public static final String MAIN = "main";
    private static final System.Logger LOG = System.getLogger(StoreComponent.class.getName());

    private final Thread opening;
    private OpenStore store;
    private boolean closed;

    @Activate
    public StoreComponent(BundleContext context, @Reference EventAdmin eventAdmin) {
        this.opening = new Thread(() -> open(context, eventAdmin), "store-open");
        this.opening.start();
    }

    private void open(BundleContext context, EventAdmin eventAdmin) {
        OpenStore opened;
        try {
            opened = new OpenStore(context, eventAdmin);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the payments store did not start: " + e.getMessage()
                    + "; webhooks answer 503 until the runtime is restarted with a reachable database", e);
            return;
        }
        synchronized (this) {
            if (!closed) {
                store = opened;
                return;
            }
        }
        opened.close(); // deactivated while opening
    }

    @Deactivate
    void stop() throws InterruptedException {
        synchronized (this) {
            closed = true;
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
