package org.paymenter.ext.servers.proxmox;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.InvalidRequestException;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds a service's VM: clone the product's template (or create a new VM from its ISO), apply hardware,
 * network and cloud-init, start it. Each worker task is waited for; a step that fails after the VM exists
 * removes the half-built VM again, so a retry does not leave an orphan behind.
 */
final class VmProvisioner {

    private static final System.Logger LOG = System.getLogger(VmProvisioner.class.getName());

    private final ProxmoxClient client;
    private final VmCalls vms;
    private final TaskWaiter tasks;
    private final PasswordGenerator passwords;

    VmProvisioner(ProxmoxClient client, PasswordGenerator passwords) {
        this.client = client;
        this.vms = new VmCalls(client);
        this.tasks = new TaskWaiter(client);
        this.passwords = passwords;
    }

    ServerResult create(ServiceRequest request) {
        VmRef.of(request, client.connection()).ifPresent(existing -> {
            throw new ExtensionException("service " + request.service().id() + " already has " + existing
                    + "; terminate it before creating another");
        });
        VmSpec spec = VmSpec.from(request, client.connection());
        if (spec.template().isEmpty() && spec.iso().isEmpty()) {
            throw new InvalidRequestException("settings." + ProductFields.TEMPLATE,
                    "the product names neither a template to clone nor an ISO to install from");
        }
        VmRef vm = new VmRef(spec.node(), nextVmid());
        String password = passwords.next();
        List<String> notes = new ArrayList<>();
        build(spec, vm, password, notes);
        try {
            vms.start(vm);
        } catch (ExtensionException e) {
            throw removeAfterFailure(vm, e);
        }
        return result(spec, vm, password, notes);
    }

    private int nextVmid() {
        String id = client.get("/cluster/nextid").asText("");
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw new ExtensionException("Proxmox VE answered '" + id + "' when asked for a free VM id", e);
        }
    }

    private void build(VmSpec spec, VmRef vm, String password, List<String> notes) {
        if (spec.template().isPresent()) {
            int template = spec.template().get();
            VmRef source = new VmRef(spec.node(), template);
            // A failed clone task leaves no VM behind: Proxmox VE cleans up after itself.
            awaitCreation(client.post(source.path() + "/clone", VmParameters.cloneOf(spec, vm.vmid())),
                    "clone of template " + template + " into " + vm, vm);
            try {
                vms.configure(vm, VmParameters.afterClone(spec, password));
                notes.add(vms.growDisk(vm, spec.diskGib()));
            } catch (ExtensionException e) {
                throw removeAfterFailure(vm, e);
            }
        } else {
            awaitCreation(client.post("/nodes/" + ProxmoxClient.segment(spec.node()) + "/qemu",
                    VmParameters.newVm(spec, vm.vmid(), password)), "creation of " + vm, vm);
        }
    }

    /**
     * Waits for the task that makes the VM. When the task fails, Proxmox VE removes what it made; when the
     * wait ends first (task timeout, the node stops answering, the call's time limit interrupts it), the task
     * may still finish and leave a VM this service does not know: logged with its id, to remove by hand.
     */
    private void awaitCreation(JsonNode task, String what, VmRef vm) {
        try {
            tasks.await(task, what);
        } catch (TaskFailedException e) {
            throw e;
        } catch (ExtensionException e) {
            LOG.log(Level.WARNING, "stopped waiting for the {0}; if it still finishes, {1} belongs to no service: "
                    + "remove it by hand ({2})", what, vm, e.getMessage());
            throw new ExtensionException(e.getMessage() + "; " + vm + " may still appear and then belongs to no "
                    + "service", e);
        }
    }

    /** Destroys the half-built VM and says so in the error; if that fails too, says what to remove by hand. */
    private ExtensionException removeAfterFailure(VmRef vm, ExtensionException failure) {
        try {
            vms.destroy(vm);
            return new ExtensionException(failure.getMessage() + "; the half-built " + vm + " was removed", failure);
        } catch (ExtensionException cleanup) {
            LOG.log(Level.WARNING, "could not remove half-built {0}: {1}", vm, cleanup.getMessage());
            return new ExtensionException(failure.getMessage() + "; the half-built " + vm
                    + " could not be removed (" + cleanup.getMessage() + "), remove it by hand", failure);
        }
    }

    private static ServerResult result(VmSpec spec, VmRef vm, String password, List<String> notes) {
        String message = "created and started " + vm + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        ServerResult result = new ServerResult(message, null, null)
                .withProperty(VmRef.VMID, String.valueOf(vm.vmid()))
                .withProperty(VmRef.NODE, vm.node())
                .withProperty(ProductFields.HOSTNAME, spec.hostname())
                .withProperty("username", spec.ciUser())
                .withData("vmid", vm.vmid())
                .withData("node", vm.node())
                .withData("hostname", spec.hostname())
                .withData("username", spec.ciUser())
                .withData("password", password);
        return spec.staticIpv4().map(ip -> result.withData("ip", ip)).orElse(result);
    }
}
