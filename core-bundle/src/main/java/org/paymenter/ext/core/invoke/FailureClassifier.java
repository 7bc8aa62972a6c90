package org.paymenter.ext.core.invoke;

import java.lang.System.Logger.Level;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.core.api.InvocationException.Kind;

/** Turns what an extension threw into the {@link InvocationException} its caller gets. */
final class FailureClassifier {

    private static final System.Logger LOG = System.getLogger(FailureClassifier.class.getName());

    private FailureClassifier() {
    }

    /**
     * @param name           the extension's name, for messages
     * @param failure        what the call threw
     * @param stillAvailable whether the same object still serves that name (false once its bundle stopped)
     */
    static InvocationException classify(String name, Throwable failure, boolean stillAvailable) {
        if (failure instanceof ExtensionException) {
            // The extension's own, admin-readable message: passed on as it is. An expected refusal (the remote
            // said no), so its stack trace would only be noise.
            LOG.log(Level.WARNING, "extension {0} refused: {1}", name, failure.getMessage());
            return new InvocationException(Kind.FAILED, failure.getMessage(), failure);
        }
        if (isClassLoading(failure)) {
            String message = stillAvailable
                    ? "extension " + name + " could not load a class it needs (" + describe(failure)
                            + "); its bundle may be stopping or missing an import"
                    : "extension " + name + " went away during the call (" + describe(failure) + ")";
            LOG.log(Level.WARNING, message, failure);
            return new InvocationException(Kind.UNAVAILABLE, message, failure);
        }
        if (failure instanceof IllegalStateException && !stillAvailable) {
            // What a stopped bundle's context and services throw.
            String message = "extension " + name + " went away during the call (" + describe(failure) + ")";
            LOG.log(Level.WARNING, message, failure);
            return new InvocationException(Kind.UNAVAILABLE, message, failure);
        }
        String message = "extension " + name + " failed: " + describe(failure);
        LOG.log(Level.WARNING, message, failure);
        return new InvocationException(Kind.FAILED, message, failure);
    }

    private static boolean isClassLoading(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        String type = failure.getClass().getSimpleName().isEmpty() ? failure.getClass().getName()
                : failure.getClass().getSimpleName();
        return type + ": " + failure.getMessage();
    }
}
