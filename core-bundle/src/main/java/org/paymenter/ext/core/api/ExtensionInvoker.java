package org.paymenter.ext.core.api;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;

/**
 * Calls extensions on a bounded pool of host threads with a time limit, so that an extension that throws,
 * hangs or is uninstalled mid-call never takes the caller down. Every failure is an {@link
 * InvocationException} whose {@link InvocationException.Kind} says what happened.
 */
@ProviderType
public interface ExtensionInvoker {

    /**
     * Runs {@code operation} on the extension serving {@code category/name}, as a {@code kind} (the extension
     * type or a capability such as {@code Upgradable.class}), within the default time limit.
     *
     * @throws InvocationException on any failure; never anything else
     */
    <T, R> R call(Category category, String name, Class<T> kind, Function<T, R> operation);

    /** {@link #call(Category, String, Class, Function)} with an explicit time limit. */
    <T, R> R call(Category category, String name, Class<T> kind, Function<T, R> operation, Duration timeout);

    /**
     * Runs a lifecycle hook ({@code installed}, {@code upgraded}, {@code uninstalled}) within {@code timeout}
     * and waits for it. Never throws: a failure is logged with the hook's name and reported as false.
     *
     * @return true when the hook ran to completion
     */
    boolean runHook(Category category, String name, String hookName, Consumer<Extension> hook, Duration timeout);
}
