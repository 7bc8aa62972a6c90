package org.paymenter.ext.servers.proxmox;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.FieldOption;

/**
 * The product form (what a plan provisions) and the checkout form (what the customer chooses). Choices that
 * live on the cluster (node, template, ISO, storage, bridge) are offered as read from it; when it cannot be
 * read, the same fields come without choices and say why, so the admin can still type the values.
 */
final class ProductFields {

    static final String NODE = "node";
    static final String TEMPLATE = "template";
    static final String ISO = "iso";
    static final String STORAGE = "storage";
    static final String BRIDGE = "bridge";
    static final String CORES = "cores";
    static final String SOCKETS = "sockets";
    static final String CPU = "cpu";
    static final String MEMORY = "memory";
    static final String DISK = "disk";
    static final String MODEL = "model";
    static final String VLAN = "vlan";
    static final String OS_TYPE = "ostype";
    static final String CI_USER = "ciuser";
    static final String IP_CONFIG = "ipconfig";
    static final String ON_BOOT = "onboot";

    // Checkout: the customer's choices, stored as service properties.
    static final String HOSTNAME = "hostname";
    static final String SSH_KEY = "ssh_key";

    static final int MAX_CORES = 512;
    static final int MAX_SOCKETS = 16;
    static final int MIN_MEMORY_MIB = 16;
    static final int MAX_MEMORY_MIB = 4 * 1024 * 1024;
    static final int MAX_DISK_GIB = 128 * 1024;
    static final int MAX_VLAN = 4094;

    /** RFC 1123 host names, dots allowed; what Proxmox VE accepts as a VM name. */
    static final String HOSTNAME_PATTERN =
            "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$";

    private static final List<FieldOption> NET_MODELS = List.of(new FieldOption("virtio", "VirtIO (paravirtualized)"),
            new FieldOption("e1000", "Intel E1000"), new FieldOption("rtl8139", "Realtek RTL8139"),
            new FieldOption("vmxnet3", "VMware vmxnet3"));
    private static final List<FieldOption> OS_TYPES = List.of(new FieldOption("l26", "Linux 2.6 - 6.x"),
            new FieldOption("win11", "Windows 11/2022/2025"), new FieldOption("win10", "Windows 10/2016/2019"),
            new FieldOption("other", "Other"));

    private ProductFields() {
    }

    /**
     * @param catalog     the cluster's choices for {@code node}, or empty when they could not be read
     * @param unavailable why they could not be read (ignored when {@code catalog} is present)
     */
    static List<ConfigField> product(Optional<ClusterCatalog> catalog, String unavailable, Connection connection) {
        Function<Function<ClusterCatalog, List<FieldOption>>, List<FieldOption>> options =
                pick -> catalog.map(pick).orElse(List.of());
        String offline = catalog.isPresent() ? "" : " Could not read the choices from the cluster (" + unavailable
                + "); type the value.";
        return List.of(
                ConfigField.select(NODE).options(options.apply(ClusterCatalog::nodes)).label("Node").live()
                        .defaultValue(connection.defaultNode())
                        .description("Node the VM is created on." + offline).build(),
                ConfigField.select(TEMPLATE).options(options.apply(ClusterCatalog::templates)).label("Template")
                        .description("VM template to clone (cloud-init ready). Leave empty to create a new VM that "
                                + "boots the ISO below." + offline).build(),
                ConfigField.select(ISO).options(options.apply(ClusterCatalog::isos)).label("ISO image")
                        .description("Installer for a new VM; used only when no template is chosen." + offline).build(),
                ConfigField.select(STORAGE).options(options.apply(ClusterCatalog::storages)).label("Disk storage")
                        .defaultValue(connection.defaultStorage())
                        .description("Storage for the VM's disks." + offline).build(),
                ConfigField.select(BRIDGE).options(options.apply(ClusterCatalog::bridges)).label("Bridge")
                        .defaultValue(connection.defaultBridge())
                        .description("Bridge of the VM's network card." + offline).build(),
                ConfigField.number(CORES).label("CPU cores").required().min(1).max(MAX_CORES)
                        .defaultValue(ProxmoxDefaults.CORES).rule("integer").build(),
                ConfigField.number(SOCKETS).label("CPU sockets").min(1).max(MAX_SOCKETS)
                        .defaultValue(ProxmoxDefaults.SOCKETS).rule("integer").build(),
                ConfigField.text(CPU).label("CPU type").defaultValue(ProxmoxDefaults.CPU_TYPE)
                        .description("QEMU CPU model: x86-64-v2-AES, host, EPYC-Rome, ...").build(),
                ConfigField.number(MEMORY).label("Memory (MiB)").required().min(MIN_MEMORY_MIB).max(MAX_MEMORY_MIB)
                        .defaultValue(ProxmoxDefaults.MEMORY_MIB).rule("integer").build(),
                ConfigField.number(DISK).label("Disk (GiB)").required().min(1).max(MAX_DISK_GIB)
                        .defaultValue(ProxmoxDefaults.DISK_GIB).rule("integer")
                        .description("A clone's disk grows to this size; disks never shrink on upgrade.").build(),
                ConfigField.select(MODEL).options(NET_MODELS).label("Network card").defaultValue(ProxmoxDefaults.NET_MODEL)
                        .build(),
                ConfigField.number(VLAN).label("VLAN tag").min(1).max(MAX_VLAN).rule("integer")
                        .description("Leave empty for an untagged port.").build(),
                ConfigField.select(OS_TYPE).options(OS_TYPES).label("Guest OS type").defaultValue(ProxmoxDefaults.OS_TYPE)
                        .description("For new VMs; a clone keeps its template's.").build(),
                ConfigField.text(CI_USER).label("Cloud-init user").defaultValue(ProxmoxDefaults.CLOUD_INIT_USER)
                        .description("User whose password (generated) and SSH key cloud-init sets.").build(),
                ConfigField.text(IP_CONFIG).label("Cloud-init IP config").defaultValue(ProxmoxDefaults.IP_CONFIG)
                        .description("Proxmox VE ipconfig0 syntax, e.g. ip=dhcp or ip=203.0.113.10/24,gw=203.0.113.1; "
                                + "a service property of the same name overrides it per service.").build(),
                ConfigField.checkbox(ON_BOOT).label("Start with the node").defaultValue(true).build());
    }

    static List<ConfigField> checkout() {
        return List.of(
                ConfigField.text(HOSTNAME).label("Hostname").required().rule("regex:" + HOSTNAME_PATTERN)
                        .description("Letters, digits, dashes and dots, e.g. web1.example.com").build(),
                ConfigField.textarea(SSH_KEY).label("SSH public key")
                        .description("Optional; installed for the cloud-init user (one key per line).").build());
    }
}
