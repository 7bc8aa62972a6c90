package org.paymenter.ext.core.api;

import java.util.Objects;

/** Why an instance could not be found, created, changed or read. The message never contains a secret. */
public class InstanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No instance has the given id. */
        NOT_FOUND,
        /** The instance's extension is not running, so its config schema is unknown. */
        EXTENSION_NOT_RUNNING,
        /** The extension already has an instance of that name. */
        DUPLICATE_NAME,
        /** The name or a value was refused ({@link InstanceValidationException} lists them). */
        INVALID,
        /** The instance could not be written, or a stored secret could not be decrypted. */
        STORAGE
    }

    private final Kind kind;

    public InstanceException(Kind kind, String message) {
        this(kind, message, null);
    }

    public InstanceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
