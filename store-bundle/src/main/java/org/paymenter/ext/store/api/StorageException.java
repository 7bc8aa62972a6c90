package org.paymenter.ext.store.api;

/** The database could not do what was asked; nothing was changed, and trying again later may work. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
