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

    /**
     * Whether the VM the call was about does not exist. Proxmox VE says so with a 500 naming the missing
     * configuration file ("Configuration file 'nodes/pve1/qemu-server/105.conf' does not exist").
     */
    boolean isMissingVm() {
        return status == 500 && remoteMessage.startsWith("Configuration file") && remoteMessage.endsWith("does not exist");
    }
}
