package org.paymenter.ext.servers.proxmox;

import org.paymenter.ext.api.ExtensionException;

/**
 * Proxmox VE refused a call or could not be reached. The message is the admin's sentence (status, call,
 * the node's own words); {@link #status()} and {@link #remoteMessage()} let callers react to one case.
 */
final class ProxmoxException extends ExtensionException {
    private static final long serialVersionUID = 1L;

    /** What {@link #status()} is when no HTTP answer came (timeout, refused connection, TLS failure). */
    static final int NO_ANSWER = 0;
    /** The lowest status of a server-side failure; a missing VM is one of them (500). */
    static final int SERVER_ERROR = 500;

    private final int status;
    private final String remoteMessage;

    ProxmoxException(int status, String remoteMessage, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.remoteMessage = remoteMessage == null ? "" : remoteMessage;
    }

    int status() {
        return status;
    }

    String remoteMessage() {
        return remoteMessage;
    }
}
