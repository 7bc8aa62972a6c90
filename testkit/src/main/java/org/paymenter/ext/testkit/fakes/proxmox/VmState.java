package org.paymenter.ext.testkit.fakes.proxmox;

import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of one VM of the fake, for assertions.
 *
 * @param status     {@code running} or {@code stopped}
 * @param qmpStatus  {@code running}, {@code paused} (suspended) or {@code stopped}
 * @param lock       the lock a running clone or create task holds ({@code clone}, {@code create}), or empty
 * @param diskGib    size of the boot disk in GiB (fractions rounded down), 0 when it has none
 * @param ciPassword the cloud-init password as set (the API itself only ever shows it masked)
 * @param config     the whole config as {@code GET .../config} shows it, password masked
 */
public record VmState(int vmid, String node, String name, String status, String qmpStatus, Optional<String> lock,
        boolean template, int cores, int sockets, int memoryMib, long diskGib, boolean onBoot, String ciUser,
        Optional<String> ciPassword, Optional<String> sshKeys, Map<String, String> config) {

    public VmState {
        config = Map.copyOf(config);
    }

    public boolean running() {
        return "running".equals(status);
    }

    /** A config value, or "" when the key is absent. */
    public String config(String key) {
        return config.getOrDefault(key, "");
    }
}
