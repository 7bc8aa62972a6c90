package org.paymenter.ext.core.api;

import java.util.Objects;

/**
 * Why a call to an extension did not return a value. The message is meant for the caller as it is (an
 * {@link org.paymenter.ext.api.ExtensionException}'s message passes through unchanged); the cause, when
 * there is one, is what the extension threw.
 */
public class InvocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No extension of that category/name is running (absent, stopped, or not the serving one). */
        NOT_FOUND,
        /** The extension does not implement the capability asked for. */
        UNSUPPORTED,
        /** The extension threw. */
        FAILED,
        /** The extension did not answer within the time limit; the call was interrupted. */
        TIMEOUT,
        /** The extension's bundle went away during the call, or the host is shutting down. */
        UNAVAILABLE,
        /** Every call thread is busy and the wait queue is full; try again later. */
        BUSY
    }

    private final Kind kind;

    public InvocationException(Kind kind, String message) {
        this(kind, message, null);
    }

    public InvocationException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
