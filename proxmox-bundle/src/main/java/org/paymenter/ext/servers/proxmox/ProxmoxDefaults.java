package org.paymenter.ext.servers.proxmox;

import java.time.Duration;

/** Every default and limit of the extension in one place. */
final class ProxmoxDefaults {

    static final int PORT = 8006;
    static final String SCHEME = "https";
    static final String STORAGE = "local-lvm";
    static final String BRIDGE = "vmbr0";

    /** A node that does not accept the TCP connection within this is treated as down. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** One API call; the Laravel client Paymenter uses waits 30 s too. */
    static final int REQUEST_TIMEOUT_SECONDS = 30;
    /** A worker task (clone, create, resize, start, stop, destroy); full clones of big disks take minutes. */
    static final int TASK_TIMEOUT_SECONDS = 300;

    /** Start/stop tasks usually finish within a fraction of a second, so the first look comes early... */
    static final Duration TASK_FIRST_POLL = Duration.ofMillis(100);
    /** ...and later looks come less often, for the long clones. */
    static final Duration TASK_MAX_POLL = Duration.ofSeconds(2);
    static final double TASK_POLL_GROWTH = 1.5;

    // Product defaults (what an admin gets without touching the product form).
    static final int CORES = 1;
    static final int SOCKETS = 1;
    static final int MEMORY_MIB = 2048;
    static final int DISK_GIB = 20;
    static final String CPU_TYPE = "x86-64-v2-AES";
    static final String NET_MODEL = "virtio";
    static final String OS_TYPE = "l26";
    static final String CLOUD_INIT_USER = "root";
    static final String IP_CONFIG = "ip=dhcp";

    /** Length of the generated cloud-init password (letters and digits, as Paymenter's). */
    static final int PASSWORD_LENGTH = 16;

    private ProxmoxDefaults() {
    }
}
