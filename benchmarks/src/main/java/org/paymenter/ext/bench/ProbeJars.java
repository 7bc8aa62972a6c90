package org.paymenter.ext.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.paymenter.ext.api.Extension;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * Builds the probe bundles with bnd, as the project builds its bundles: DS component XML from the
 * annotations, imports computed from the byte code. One package of this module per bundle.
 */
final class ProbeJars {

    private ProbeJars() {
    }

    /**
     * Writes {@code <symbolicName>-<version>.jar} into {@code dir}, holding the package of {@code component}.
     */
    static Path build(Path dir, String symbolicName, String version, Class<?> component) throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", symbolicName);
            builder.setProperty("Bundle-Version", version);
            builder.setProperty("-includepackage", component.getPackageName());
            builder.setProperty("-dsannotations", "*");
            builder.setProperty("-noextraheaders", "true");
            builder.setProperty("-reproducible", "true");
            for (Class<?> anchor : List.of(ProbeJars.class, Extension.class, BundleContext.class)) {
                builder.addClasspath(location(anchor));
            }
            Jar jar = builder.build();
            if (!builder.isOk()) {
                throw new IllegalStateException("bnd could not build " + symbolicName + ": " + builder.getErrors());
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(symbolicName + "-" + version + ".jar");
            jar.write(file.toFile());
            return file;
        }
    }

    private static File location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    }
}
