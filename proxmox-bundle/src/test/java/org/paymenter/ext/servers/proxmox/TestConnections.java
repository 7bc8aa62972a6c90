package org.paymenter.ext.servers.proxmox;

import java.net.URI;
import java.time.Duration;

/** A {@link Connection} for tests that need its defaults but no cluster. */
final class TestConnections {

    static final Connection DEFAULTS = new Connection("eu-1", URI.create("https://pve.example:8006"),
            "paymenter@pve!billing", "secret", true, Duration.ofSeconds(30), Duration.ofSeconds(300), "pve1",
            "local-lvm", "vmbr0");

    private TestConnections() {
    }
}
