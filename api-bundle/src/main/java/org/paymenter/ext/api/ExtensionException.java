package org.paymenter.ext.api;

/**
 * An extension's way of saying an operation failed for a reason the admin can act on ("Proxmox answered
 * 401: invalid token"). The message is shown to the caller as it is, so it must not contain secrets.
 */
public class ExtensionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExtensionException(String message) {
        super(message);
    }

    public ExtensionException(String message, Throwable cause) {
        super(message, cause);
    }
}
