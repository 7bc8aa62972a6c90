package org.paymenter.ext.core.lifecycle;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.paymenter.ext.core.api.ExtensionHistory;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.KnownExtension;
import org.paymenter.ext.api.Category;
import java.util.Optional;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.registry.ExtensionActivationListener;
import org.paymenter.ext.core.settings.CoreSettings;
import org.paymenter.ext.runtime.deploy.RemovalListener;

/**
 * Calls {@code installed()} / {@code upgraded(old)} when the registry reports an extension active, and
 * {@code uninstalled()} when the launcher is about to remove its bundle. Activation hooks run on a thread of
 * their own, in order, so the thread that registered the extension never waits for them; removal hooks run
 * before returning, because the extension must still be there to be told.
 */
@Component(service = { ExtensionActivationListener.class, RemovalListener.class, ExtensionHistory.class },
        immediate = true)
public class LifecycleComponent implements ExtensionActivationListener, RemovalListener, ExtensionHistory {

    private static final System.Logger LOG = System.getLogger(LifecycleComponent.class.getName());

    private final ExtensionRegistry registry;
    private final LifecycleTracker tracker;
    private final ExecutorService activations = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "ext-lifecycle");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public LifecycleComponent(@Reference(name = "registry") ExtensionRegistry registry,
            @Reference(name = "invoker") ExtensionInvoker invoker, BundleContext context) {
        this.registry = registry;
        CoreSettings settings = CoreSettings.from(context::getProperty);
        Duration limit = settings.hookTimeout();
        this.tracker = new LifecycleTracker(settings.requireDataDir(),
                (extension, hookName, hook) -> invoker.runHook(extension.category(), extension.name(), hookName,
                        hook, limit));
    }

    @Deactivate
    void deactivate() {
        activations.shutdownNow();
    }

    @Override
    public void activated(ExtensionInfo extension) {
        try {
            activations.execute(() -> tracker.activated(extension));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "host stopping; no lifecycle hook for " + extension.path() + ": " + e);
        }
    }

    @Override
    public List<KnownExtension> list() {
        return tracker.known();
    }

    @Override
    public Optional<KnownExtension> find(Category category, String name) {
        return tracker.known().stream().filter(k -> k.category() == category && k.name().equals(name)).findFirst();
    }

    @Override
    public void removing(Bundle bundle) {
        List<ExtensionInfo> serving = registry.list().stream()
                .filter(info -> info.bundleId() == bundle.getBundleId() && info.isActive()).toList();
        tracker.removing(serving);
    }
}
