package org.paymenter.ext.api;

import java.util.Arrays;
import java.util.Optional;

/** The three kinds of extension, named as they appear in URLs ({@code /extensions/servers/proxmox}). */
public enum Category {
    SERVERS("servers"),
    GATEWAYS("gateways"),
    OTHERS("others");

    private final String path;

    Category(String path) {
        this.path = path;
    }

    /** The lowercase name used in URLs, shell output and stored instance files. */
    public String path() {
        return path;
    }

    /** The category named {@code path} ({@code "servers"}), if there is one. */
    public static Optional<Category> fromPath(String path) {
        return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
    }

    @Override
    public String toString() {
        return path;
    }
}
