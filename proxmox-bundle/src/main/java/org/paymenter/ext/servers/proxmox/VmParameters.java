package org.paymenter.ext.servers.proxmox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a {@link VmSpec} into the parameters of the Proxmox VE calls that build and change a VM. Booleans
 * are 0/1 and sizes carry their unit, as the API's schema wants them.
 */
final class VmParameters {

    /** The boot disk of a new VM; VirtIO SCSI is what the Proxmox VE wizard picks for Linux guests. */
    static final String NEW_DISK = "scsi0";
    private static final String SCSI_CONTROLLER = "virtio-scsi-pci";
    private static final String CDROM = "ide2";
    private static final String CLOUD_INIT_DRIVE = "ide0";
    private static final int YES = 1;
    private static final int NO = 0;

    private VmParameters() {
    }

    /** POST /nodes/{node}/qemu/{template}/clone: a full (independent) copy on the product's storage. */
    static Map<String, Object> cloneOf(VmSpec spec, int vmid) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("newid", vmid);
        p.put("name", spec.hostname());
        p.put("target", spec.node());
        p.put("full", YES);
        p.put("storage", spec.storage());
        return p;
    }

    /** PUT .../config after a clone: the product's hardware, network and the customer's cloud-init data. */
    static Map<String, Object> afterClone(VmSpec spec, String password) {
        Map<String, Object> p = hardware(spec);
        p.putAll(onBoot(spec.onBoot()));
        p.put("net0", net0(spec));
        p.putAll(cloudInit(spec, password));
        return p;
    }

    /**
     * POST /nodes/{node}/qemu: a new VM with a disk of the product's size ({@code STORAGE:GiB} allocates
     * one), the ISO as CD-ROM and a cloud-init drive for installers and images that read it.
     */
    static Map<String, Object> newVm(VmSpec spec, int vmid, String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vmid", vmid);
        p.put("name", spec.hostname());
        p.putAll(hardware(spec));
        p.put("ostype", spec.osType());
        p.put("scsihw", SCSI_CONTROLLER);
        p.put(NEW_DISK, spec.storage() + ":" + spec.diskGib());
        spec.iso().ifPresent(iso -> p.put(CDROM, iso + ",media=cdrom"));
        p.put(CLOUD_INIT_DRIVE, spec.storage() + ":cloudinit");
        p.put("boot", "order=" + NEW_DISK + (spec.iso().isPresent() ? ";" + CDROM : ""));
        p.put("net0", net0(spec));
        p.putAll(onBoot(spec.onBoot()));
        p.put("agent", YES);
        p.putAll(cloudInit(spec, password));
        return p;
    }

    /** PUT .../config on upgrade: what a plan change may alter. */
    static Map<String, Object> hardware(VmSpec spec) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cores", spec.cores());
        p.put("sockets", spec.sockets());
        p.put("memory", spec.memoryMib());
        p.put("cpu", spec.cpu());
        return p;
    }

    /** PUT .../config on suspension (false) and unsuspension: whether the VM starts with its node. */
    static Map<String, Object> onBoot(boolean start) {
        return Map.of("onboot", start ? YES : NO);
    }

    /** {@code virtio,bridge=vmbr0[,tag=20]}; Proxmox VE generates the MAC address. */
    static String net0(VmSpec spec) {
        return spec.model() + ",bridge=" + spec.bridge() + spec.vlan().map(tag -> ",tag=" + tag).orElse("");
    }

    static Map<String, Object> cloudInit(VmSpec spec, String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ciuser", spec.ciUser());
        p.put("cipassword", password);
        p.put("ipconfig0", spec.ipConfig());
        spec.sshKey().ifPresent(key -> p.put("sshkeys", encodeSshKeys(key)));
        return p;
    }

    /**
     * Proxmox VE takes {@code sshkeys} URL-encoded and rejects anything but {@code [-%a-zA-Z0-9_.!~*'()]}
     * ("invalid urlencoded string"), so spaces must be {@code %20}, never {@code +}.
     */
    static String encodeSshKeys(String keys) {
        String normalized = keys.strip().replace("\r\n", "\n");
        return URLEncoder.encode(normalized, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
