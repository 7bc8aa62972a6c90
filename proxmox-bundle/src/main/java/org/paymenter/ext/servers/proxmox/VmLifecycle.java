package org.paymenter.ext.servers.proxmox;

import java.util.Optional;

import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceRequest;

/**
 * What happens to an existing service's VM: suspension (stopped, and kept from starting with its node),
 * unsuspension (allowed to start with its node again, and started), termination (stopped and destroyed
 * with its disks) and upgrade (new CPU and memory, a bigger disk). Each is safe to repeat.
 */
final class VmLifecycle {

    private final ProxmoxClient client;
    private final VmCalls vms;

    VmLifecycle(ProxmoxClient client) {
        this.client = client;
        this.vms = new VmCalls(client);
    }

    ServerResult suspend(ServiceRequest request) {
        VmRef vm = VmRef.require(request, client.connection());
        boolean wasRunning = vms.isRunning(vm);
        if (wasRunning) {
            vms.stop(vm);
        }
        vms.configure(vm, VmParameters.onBoot(false));
        return ServerResult.done((wasRunning ? "stopped " : "") + vm + (wasRunning ? "" : " was already stopped")
                + "; it will not start with its node until unsuspended");
    }

    /**
     * Unlike Paymenter's Proxmox extension, which only re-enables start-at-boot, this starts the VM: a
     * customer who has paid expects the server back at once.
     */
    ServerResult unsuspend(ServiceRequest request) {
        VmRef vm = VmRef.require(request, client.connection());
        boolean onBoot = new SettingsReader(request.effectiveSettings()).bool(ProductFields.ON_BOOT, true);
        vms.configure(vm, VmParameters.onBoot(onBoot));
        boolean wasRunning = vms.isRunning(vm);
        if (!wasRunning) {
            vms.start(vm);
        }
        return ServerResult.done((wasRunning ? vm + " was already running" : "started " + vm)
                + (onBoot ? "; it starts with its node again" : ""));
    }

    ServerResult terminate(ServiceRequest request) {
        Optional<VmRef> recorded = VmRef.of(request, client.connection());
        if (recorded.isEmpty()) {
            return ServerResult.done("service " + request.service().id() + " has no Proxmox VM recorded; nothing to remove");
        }
        VmRef vm = recorded.get();
        try {
            vms.destroy(vm);
        } catch (ProxmoxException e) {
            // A VM removed by hand answers 500 (its reason in the body only on newer nodes): ask the cluster.
            if (e.status() >= ProxmoxException.SERVER_ERROR && vms.isGone(vm)) {
                return ServerResult.done(vm + " no longer exists; nothing to remove");
            }
            throw e;
        }
        return ServerResult.done("stopped and removed " + vm + " with its disks");
    }

    /** CPU and memory changes of a running VM apply when it next starts, unless the VM has hotplug for them. */
    ServerResult upgrade(ServiceRequest request) {
        VmRef vm = VmRef.require(request, client.connection());
        VmSpec spec = VmSpec.from(request, client.connection());
        vms.configure(vm, VmParameters.hardware(spec));
        String disk = vms.growDisk(vm, spec.diskGib());
        return ServerResult.done(vm + " now has " + spec.sockets() * spec.cores() + " vCPU (" + spec.sockets() + " x "
                + spec.cores() + " cores, " + spec.cpu() + ") and " + spec.memoryMib() + " MiB memory; " + disk);
    }
}
