package org.paymenter.ext.servers.proxmox;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.paymenter.ext.api.InvalidRequestException;
import org.paymenter.ext.api.server.ServiceRequest;

/**
 * The VM a service should have: its product settings overridden by its service properties (Paymenter's
 * merge, so an admin's per-service config option such as {@code memory} wins), with the instance's
 * defaults filled in.
 *
 * @param template VMID of the template to clone, or empty to create a new VM
 * @param iso      volume id of the installer ISO for a new VM ({@code local:iso/debian.iso}), or empty
 * @param vlan     802.1Q tag of the NIC, or empty
 * @param sshKey   the customer's public key(s), or empty
 */
record VmSpec(String node, Optional<Integer> template, Optional<String> iso, String storage, String bridge,
        int cores, int sockets, String cpu, int memoryMib, int diskGib, String model, Optional<Integer> vlan,
        String osType, String ciUser, String ipConfig, boolean onBoot, String hostname, Optional<String> sshKey) {

    private static final Pattern HOSTNAME = Pattern.compile(ProductFields.HOSTNAME_PATTERN);
    private static final Pattern NOT_HOSTNAME_CHARS = Pattern.compile("[^a-z0-9-]+");
    private static final int MIN_VMID = 100;
    private static final int MAX_VMID = 999_999_999;
    /** Keeps a generated name within one 63-character DNS label. */
    private static final int MAX_GENERATED_ID = 50;

    static VmSpec from(ServiceRequest request, Connection connection) {
        SettingsReader s = new SettingsReader(request.effectiveSettings());
        return new VmSpec(
                s.text(ProductFields.NODE, connection.defaultNode()),
                s.optionalInteger(ProductFields.TEMPLATE, MIN_VMID, MAX_VMID),
                s.text(ProductFields.ISO),
                s.text(ProductFields.STORAGE, connection.defaultStorage()),
                s.text(ProductFields.BRIDGE, connection.defaultBridge()),
                s.integer(ProductFields.CORES, ProxmoxDefaults.CORES, 1, ProductFields.MAX_CORES),
                s.integer(ProductFields.SOCKETS, ProxmoxDefaults.SOCKETS, 1, ProductFields.MAX_SOCKETS),
                s.text(ProductFields.CPU, ProxmoxDefaults.CPU_TYPE),
                s.integer(ProductFields.MEMORY, ProxmoxDefaults.MEMORY_MIB, ProductFields.MIN_MEMORY_MIB,
                        ProductFields.MAX_MEMORY_MIB),
                s.integer(ProductFields.DISK, ProxmoxDefaults.DISK_GIB, 1, ProductFields.MAX_DISK_GIB),
                s.text(ProductFields.MODEL, ProxmoxDefaults.NET_MODEL),
                s.optionalInteger(ProductFields.VLAN, 1, ProductFields.MAX_VLAN),
                s.text(ProductFields.OS_TYPE, ProxmoxDefaults.OS_TYPE),
                s.text(ProductFields.CI_USER, ProxmoxDefaults.CLOUD_INIT_USER),
                s.text(ProductFields.IP_CONFIG, ProxmoxDefaults.IP_CONFIG),
                s.bool(ProductFields.ON_BOOT, true),
                hostname(s.text(ProductFields.HOSTNAME), request.service().id()),
                s.text(ProductFields.SSH_KEY));
    }

    /** The customer's host name, or {@code vm-<service id>} when checkout asked for none. */
    private static String hostname(Optional<String> chosen, String serviceId) {
        if (chosen.isPresent()) {
            if (!HOSTNAME.matcher(chosen.get()).matches()) {
                throw new InvalidRequestException(ProductFields.HOSTNAME, "hostname '" + chosen.get()
                        + "' is not a valid host name (letters, digits, dashes and dots)");
            }
            return chosen.get();
        }
        String id = NOT_HOSTNAME_CHARS.matcher(serviceId.toLowerCase(Locale.ROOT)).replaceAll("-")
                .replaceAll("^-+|-+$", "");
        return "vm-" + (id.isEmpty() ? "service" : id.substring(0, Math.min(id.length(), MAX_GENERATED_ID)))
                .replaceAll("-+$", "");
    }

    /** The address cloud-init gives the VM, when it is a fixed one ({@code ip=203.0.113.10/24,...}). */
    Optional<String> staticIpv4() {
        for (String part : ipConfig.split(",")) {
            String p = part.trim();
            if (p.startsWith("ip=") && !p.equals("ip=dhcp")) {
                String address = p.substring("ip=".length());
                int slash = address.indexOf('/');
                return Optional.of(slash < 0 ? address : address.substring(0, slash));
            }
        }
        return Optional.empty();
    }
}
