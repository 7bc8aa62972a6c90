package org.paymenter.ext.core.invoke;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.settings.CoreSettings;

/** The {@link ExtensionInvoker} service: an {@link Invoker} over the registry, with its pool's lifetime. */
@Component(service = ExtensionInvoker.class, immediate = true)
public class ExtensionInvokerComponent implements ExtensionInvoker {

    private final ExecutorService pool;
    private final Invoker invoker;

    @Activate
    public ExtensionInvokerComponent(@Reference(name = "registry") ExtensionRegistry registry,
            BundleContext context) {
        CoreSettings settings = CoreSettings.from(context::getProperty);
        this.pool = CallPool.create(settings.callThreads(), settings.callQueue());
        this.invoker = new Invoker(registry::service, settings.invokeTimeout(), pool);
    }

    @Deactivate
    void deactivate() {
        // Interrupts the calls that run and cancels those that wait, so that no caller waits for nothing.
        pool.shutdownNow().forEach(waiting -> {
            if (waiting instanceof Future<?> future) {
                future.cancel(false);
            }
        });
    }

    @Override
    public <T, R> R call(Category category, String name, Class<T> kind, Function<T, R> operation) {
        return invoker.call(category, name, kind, operation);
    }

    @Override
    public <T, R> R call(Category category, String name, Class<T> kind, Function<T, R> operation,
            Duration timeout) {
        return invoker.call(category, name, kind, operation, timeout);
    }

    @Override
    public boolean runHook(Category category, String name, String hookName, Consumer<Extension> hook,
            Duration timeout) {
        return invoker.runHook(category, name, hookName, hook, timeout);
    }
}
