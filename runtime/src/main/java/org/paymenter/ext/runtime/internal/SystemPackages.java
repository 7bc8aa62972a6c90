package org.paymenter.ext.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Builds {@code org.osgi.framework.system.packages.extra} from the {@code Export-Package} headers of
 * jars on the launcher's class path, versions included, so bundles importing them with a version range
 * resolve (an unversioned system package would not: research pitfall P7).
 */
public final class SystemPackages {

    private SystemPackages() {
    }

    /** The packages exported by the jar (or class folder) that {@code anchor} was loaded from. */
    public static List<String> exportedBy(Class<?> anchor) {
        Manifest manifest = manifestOf(anchor);
        String header = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
        if (header == null) {
            throw new IllegalStateException("no Export-Package in the manifest of "
                    + anchor.getProtectionDomain().getCodeSource().getLocation() + "; build it with bnd");
        }
        return splitClauses(header).stream().map(SystemPackages::withoutUses).toList();
    }

    private static Manifest manifestOf(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path file = location.resolve(JarFile.MANIFEST_NAME);
                if (!Files.exists(file)) {
                    return null;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Splits a manifest header at the commas that are not inside quotes. */
    static List<String> splitClauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            clauses.add(current.toString().trim());
        }
        return clauses;
    }

    /** Drops the {@code uses:=} directive, which only constrains bundles, not the system bundle's exports. */
    static String withoutUses(String clause) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : clause.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return String.join(";", parts.stream().filter(p -> !p.startsWith("uses:=")).toList());
    }
}
