package org.paymenter.ext.testkit.fakes.proxmox;

import java.util.Map;

/**
 * An error answer as Proxmox VE's JSON formatter writes it: the status, {@code {"data": null, "message":
 * "...\n"}} and, for parameter errors, {@code "errors": {"param": "message"}}.
 */
final class PveError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> errors;

    PveError(int status, String message) {
        this(status, message, Map.of());
    }

    PveError(int status, String message, Map<String, String> errors) {
        super(message);
        this.status = status;
        this.errors = Map.copyOf(errors);
    }

    /** 400 "Parameter verification failed." with one message per parameter, as the schema check answers. */
    static PveError parameters(Map<String, String> errors) {
        return new PveError(400, "Parameter verification failed.", errors);
    }

    static PveError parameter(String name, String message) {
        return parameters(Map.of(name, message));
    }

    /** The 500 the API answers for a VMID without a configuration file. */
    static PveError noSuchVm(String node, int vmid) {
        return new PveError(500, "Configuration file 'nodes/" + node + "/qemu-server/" + vmid + ".conf' does not exist");
    }

    int status() {
        return status;
    }

    Map<String, String> errors() {
        return errors;
    }
}
