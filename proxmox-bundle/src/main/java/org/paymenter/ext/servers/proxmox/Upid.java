package org.paymenter.ext.servers.proxmox;

import java.util.Optional;

/**
 * A worker task's id, {@code UPID:{node}:{pid}:{pstart}:{starttime}:{type}:{id}:{user}:}, as write calls
 * return it. The node in it is the one to ask about the task (a clone may run on another node).
 *
 * @param text the whole id, passed unencoded in paths as the API expects
 * @param type {@code qmclone}, {@code qmstart}, ...
 * @param id   what the task works on (a VMID), may be empty
 */
record Upid(String text, String node, String type, String id) {

    private static final String PREFIX = "UPID:";
    private static final int MIN_PARTS = 8;

    static Optional<Upid> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = text.split(":", -1);
        if (parts.length < MIN_PARTS || parts[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Upid(text, parts[1], parts[5], parts[6]));
    }
}
