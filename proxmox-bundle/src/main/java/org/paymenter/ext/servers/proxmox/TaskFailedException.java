package org.paymenter.ext.servers.proxmox;

import org.paymenter.ext.api.ExtensionException;

/**
 * A worker task stopped with an exit status other than OK: it ran to its end, unlike a wait that gave up
 * (timeout, no answer, interruption), after which the task may still be running.
 */
final class TaskFailedException extends ExtensionException {
    private static final long serialVersionUID = 1L;

    TaskFailedException(String message) {
        super(message);
    }
}
