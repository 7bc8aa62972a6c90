package org.paymenter.ext.core.api;

import java.util.Objects;

/** Why a deployment was refused; nothing in the folder changed. */
public class DeploymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The file is missing, unreadable, not a jar or not a bundle. */
        INVALID_JAR,
        /** A jar of that symbolic name is already in the folder (install), or the target exists. */
        ALREADY_INSTALLED,
        /** No jar of that symbolic name is in the folder. */
        NOT_INSTALLED,
        /** The folder could not be written. */
        STORAGE
    }

    private final Kind kind;

    public DeploymentException(Kind kind, String message) {
        this(kind, message, null);
    }

    public DeploymentException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
