package org.paymenter.ext.runtime.internal;

import java.nio.file.Path;

/**
 * One jar file as last seen, with what it contained. {@code key} is the file's identity and size and
 * modification time: when it is unchanged, the inspection is reused instead of reading the jar again.
 */
record ScannedJar(Path file, Object key, JarInspection inspection) {

    String fileName() {
        return file.getFileName().toString();
    }

    JarInspection.Bundle bundle() {
        return inspection instanceof JarInspection.Bundle b ? b : null;
    }
}
