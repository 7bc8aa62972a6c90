package org.paymenter.ext.servers.proxmox;

import java.util.Map;

import org.paymenter.ext.api.ExtensionException;

import com.fasterxml.jackson.databind.JsonNode;

/** The calls on one existing VM, each waiting for its worker task where it starts one. */
final class VmCalls {

    static final String RUNNING = "running";
    /** Drops the VM from backup jobs, replication and HA too, and removes disks not in its config. */
    private static final Map<String, String> PURGE = Map.of("purge", "1", "destroy-unreferenced-disks", "1");

    private final ProxmoxClient client;
    private final TaskWaiter tasks;

    VmCalls(ProxmoxClient client) {
        this.client = client;
        this.tasks = new TaskWaiter(client);
    }

    /** {@code running} or {@code stopped}; a {@link ProxmoxException} (a 500) when the node has no such VM. */
    String status(VmRef vm) {
        return client.get(vm.path() + "/status/current").path("status").asText();
    }

    /**
     * Whether no VM of the cluster has this VM's id: {@code /cluster/nextid?vmid=} answers the id itself only
     * then ("VM 105 already exists" otherwise). Asked cluster-wide, so a VM moved to another node is not
     * taken for gone; any failure to answer counts as not proven gone.
     */
    boolean isGone(VmRef vm) {
        String vmid = String.valueOf(vm.vmid());
        try {
            return vmid.equals(client.get("/cluster/nextid", Map.of("vmid", vmid)).asText());
        } catch (ExtensionException e) {
            return false;
        }
    }

    boolean isRunning(VmRef vm) {
        return RUNNING.equals(status(vm));
    }

    JsonNode config(VmRef vm) {
        return client.get(vm.path() + "/config");
    }

    /** A synchronous config change (PUT answers when it is written). */
    void configure(VmRef vm, Map<String, ?> params) {
        client.put(vm.path() + "/config", params);
    }

    void start(VmRef vm) {
        tasks.await(client.post(vm.path() + "/status/start", Map.of()), "start of " + vm);
    }

    /** A hard stop, as Paymenter's suspension does: a guest that ignores ACPI must not keep running. */
    void stop(VmRef vm) {
        tasks.await(client.post(vm.path() + "/status/stop", Map.of()), "stop of " + vm);
    }

    /** Stops the VM if it runs (Proxmox VE refuses to destroy a running VM), then destroys it with its disks. */
    void destroy(VmRef vm) {
        if (isRunning(vm)) {
            stop(vm);
        }
        tasks.await(client.delete(vm.path(), PURGE), "removal of " + vm);
    }

    /**
     * Grows the boot disk to {@code targetGib}. Proxmox VE cannot shrink a disk, so a smaller target is
     * never sent: the answer says the disk kept its size.
     *
     * @return one sentence on what happened to the disk
     */
    String growDisk(VmRef vm, int targetGib) {
        BootDisk disk = BootDisk.of(config(vm)).orElseThrow(() -> new ExtensionException(
                vm + " has no disk to resize (no virtio, scsi, sata or ide disk in its config)"));
        long target = targetGib * BootDisk.GIB;
        if (target == disk.sizeBytes()) {
            return "disk " + disk.key() + " stays at " + targetGib + " GiB";
        }
        if (target < disk.sizeBytes()) {
            return "disk " + disk.key() + " kept at " + disk.gib() + " GiB: Proxmox VE cannot shrink disks (the plan asks for "
                    + targetGib + " GiB)";
        }
        JsonNode answer = client.put(vm.path() + "/resize", Map.of("disk", disk.key(), "size", targetGib + "G"));
        // Proxmox VE 8 resizes in a worker task; older releases answer null when already done.
        if (!answer.isNull()) {
            tasks.await(answer, "resize of " + disk.key() + " of " + vm);
        }
        return "disk " + disk.key() + " grown from " + disk.gib() + " to " + targetGib + " GiB";
    }
}
