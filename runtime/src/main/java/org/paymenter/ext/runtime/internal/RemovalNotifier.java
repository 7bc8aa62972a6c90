package org.paymenter.ext.runtime.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.paymenter.ext.runtime.deploy.RemovalListener;

/** Tells every registered {@link RemovalListener} that a bundle is about to go, each within a time limit. */
final class RemovalNotifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RemovalNotifier.class.getName());

    private final ServiceTracker<RemovalListener, RemovalListener> listeners;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bundle-removal-hook");
        t.setDaemon(true);
        return t;
    });
    private final Duration timeout;

    RemovalNotifier(BundleContext context, Duration timeout) {
        // By name and with open(true): a listener service may also carry interfaces the system bundle cannot
        // see as the registrant does (a core-internal type on a test class path); RemovalListener itself
        // always comes from the system bundle, so the cast is safe.
        this.listeners = new ServiceTracker<>(context, RemovalListener.class.getName(), null);
        this.listeners.open(true);
        this.timeout = timeout;
    }

    void removing(Bundle bundle) {
        for (RemovalListener listener : listeners.getTracked().values()) {
            Future<?> call = calls.submit(() -> listener.removing(bundle));
            try {
                call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                call.cancel(true);
                LOG.log(Level.WARNING, "removal hook " + listener.getClass().getName() + " did not finish within "
                        + timeout.toSeconds() + " s for " + bundle.getSymbolicName() + "; removing anyway");
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "removal hook " + listener.getClass().getName() + " failed for "
                        + bundle.getSymbolicName() + "; removing anyway", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        listeners.close();
        calls.shutdownNow();
    }
}
