package org.paymenter.ext.servers.proxmox;

import java.util.Optional;

import org.paymenter.ext.api.InvalidRequestException;
import org.paymenter.ext.api.server.ServiceRequest;

/** Which VM a service has: what {@code create} stored on it as properties. */
record VmRef(String node, int vmid) {

    static final String VMID = "vmid";
    static final String NODE = "node";

    /** The service's VM, or empty when it has none recorded (never created, or created elsewhere). */
    static Optional<VmRef> of(ServiceRequest request, Connection connection) {
        String vmid = request.property(VMID);
        if (vmid == null || vmid.isBlank()) {
            return Optional.empty();
        }
        int id;
        try {
            id = Integer.parseInt(vmid.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("properties." + VMID, "service " + request.service().id()
                    + " has property vmid '" + vmid + "', which is not a VM id");
        }
        String node = request.property(NODE);
        return Optional.of(new VmRef(node == null || node.isBlank() ? connection.defaultNode() : node.trim(), id));
    }

    static VmRef require(ServiceRequest request, Connection connection) {
        return of(request, connection).orElseThrow(() -> new InvalidRequestException("properties." + VMID, "service "
                + request.service().id() + " has no Proxmox VM recorded (no vmid property); was it created?"));
    }

    /** {@code /nodes/{node}/qemu/{vmid}}. */
    String path() {
        return "/nodes/" + ProxmoxClient.segment(node) + "/qemu/" + vmid;
    }

    @Override
    public String toString() {
        return "VM " + vmid + " on node " + node;
    }
}
