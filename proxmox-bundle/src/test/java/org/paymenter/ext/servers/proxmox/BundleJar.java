package org.paymenter.ext.servers.proxmox;

import java.nio.file.Files;
import java.nio.file.Path;

/** The module's own bundle jar, which failsafe names in {@code proxmox.bundle.jar} after {@code package}. */
final class BundleJar {

    static final String PROPERTY = "proxmox.bundle.jar";

    private BundleJar() {
    }

    static Path path() {
        String value = System.getProperty(PROPERTY);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("system property " + PROPERTY + " does not name the built jar ('" + value
                    + "'); run the *IT tests through 'mvn verify'");
        }
        return Path.of(value);
    }
}
