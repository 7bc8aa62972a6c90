package org.paymenter.ext.core.invoke;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.core.api.InvocationException.Kind;

/**
 * Runs extension calls on a bounded pool and waits at most the time limit for each. The caller's thread
 * only waits, so an extension that hangs costs one pool thread (interrupted on timeout), never the caller.
 */
public final class Invoker implements ExtensionInvoker {

    private static final System.Logger LOG = System.getLogger(Invoker.class.getName());
    private static final long MILLIS_PER_SECOND = 1000;

    private final ExtensionSource source;
    private final Duration defaultTimeout;
    private final ExecutorService pool;

    public Invoker(ExtensionSource source, Duration defaultTimeout, ExecutorService pool) {
        this.source = Objects.requireNonNull(source, "source");
        this.defaultTimeout = requirePositive(defaultTimeout);
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public <T, R> R call(Category category, String name, Class<T> kind, Function<T, R> operation) {
        return call(category, name, kind, operation, defaultTimeout);
    }

    @Override
    public <T, R> R call(Category category, String name, Class<T> kind, Function<T, R> operation,
            Duration timeout) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operation, "operation");
        requirePositive(timeout);
        Extension extension = source.serving(category, name).orElseThrow(() -> new InvocationException(
                Kind.NOT_FOUND, "extension " + category.path() + "/" + name + " is not running"));
        if (!kind.isInstance(extension)) {
            throw new InvocationException(Kind.UNSUPPORTED, "extension " + category.path() + "/" + name
                    + " does not support " + kind.getSimpleName());
        }
        T target = kind.cast(extension);
        Future<R> future = submit(name, () -> withContextLoader(extension, () -> operation.apply(target)));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            String message = "extension " + name + " did not answer within " + describe(timeout);
            LOG.log(Level.WARNING, message);
            throw new InvocationException(Kind.TIMEOUT, message, e);
        } catch (ExecutionException e) {
            boolean stillAvailable = source.serving(category, name).map(current -> current == extension)
                    .orElse(false);
            throw FailureClassifier.classify(name, e.getCause(), stillAvailable);
        } catch (CancellationException e) {
            throw new InvocationException(Kind.UNAVAILABLE, "the host is stopping; the call to extension " + name
                    + " was cancelled", e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new InvocationException(Kind.UNAVAILABLE, "call to extension " + name + " was interrupted", e);
        }
    }

    @Override
    public boolean runHook(Category category, String name, String hookName, Consumer<Extension> hook,
            Duration timeout) {
        try {
            call(category, name, Extension.class, extension -> {
                hook.accept(extension);
                return null;
            }, timeout);
            return true;
        } catch (InvocationException e) {
            LOG.log(Level.WARNING, "hook {0} of {1}/{2} did not complete: {3}", hookName, category.path(), name,
                    e.getMessage());
            return false;
        }
    }

    private <R> Future<R> submit(String name, Callable<R> task) {
        try {
            return pool.submit(task);
        } catch (RejectedExecutionException e) {
            if (pool.isShutdown()) {
                throw new InvocationException(Kind.UNAVAILABLE, "the host is stopping; extension " + name
                        + " was not called", e);
            }
            throw new InvocationException(Kind.BUSY, "too many extension calls are waiting; extension " + name
                    + " was not called, try again shortly", e);
        }
    }

    /** Libraries inside an extension (JSON mappers, HTTP clients) often look classes up through the TCCL. */
    private static <R> R withContextLoader(Extension extension, Supplier<R> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(extension.getClass().getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** "30 s" for whole seconds, "250 ms" otherwise. */
    static String describe(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % MILLIS_PER_SECOND == 0 ? millis / MILLIS_PER_SECOND + " s" : millis + " ms";
    }

    private static Duration requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        return timeout;
    }
}
