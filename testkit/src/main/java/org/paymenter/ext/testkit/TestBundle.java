package org.paymenter.ext.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.osgi.framework.BundleActivator;
import org.paymenter.ext.api.Extension;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;

/**
 * Builds a real bundle jar from classes of the test kit with bnd, the way the build makes extension
 * bundles: DS component XML from the annotations, imports computed from the byte code.
 *
 * <pre>{@code
 * Path jar = TestBundle.named("test.sample.server").version("1.1.0").withPackage(SampleServer.class).build(dir);
 * }</pre>
 *
 * Jars are reproducible: the same inputs give the same bytes, so rebuilding one is not a change.
 */
public final class TestBundle {

    private final String symbolicName;
    private String version = "1.0.0";
    private final Set<String> privatePackages = new LinkedHashSet<>();
    private final Set<String> exportedPackages = new LinkedHashSet<>();
    private final Set<String> extraImports = new LinkedHashSet<>();
    private String activator;
    private int paddingBytes;

    private TestBundle(String symbolicName) {
        this.symbolicName = symbolicName;
    }

    public static TestBundle named(String symbolicName) {
        return new TestBundle(symbolicName);
    }

    public TestBundle version(String newVersion) {
        this.version = newVersion;
        return this;
    }

    /** Puts the package of {@code sample} (and only that package) into the bundle, not exported. */
    public TestBundle withPackage(Class<?> sample) {
        privatePackages.add(sample.getPackageName());
        return this;
    }

    /** Puts the package of {@code sample} into the bundle and exports it, versioned as the bundle. */
    public TestBundle exporting(Class<?> sample) {
        exportedPackages.add(sample.getPackageName());
        return this;
    }

    /** Adds a mandatory import of a package no class uses (to make the bundle unresolvable, say). */
    public TestBundle importing(String packageName) {
        extraImports.add(packageName);
        return this;
    }

    /** Sets {@code Bundle-Activator} and includes the activator's package. */
    public TestBundle activator(Class<? extends BundleActivator> type) {
        this.activator = type.getName();
        return withPackage(type);
    }

    /** Adds an incompressible resource of about that size, for tests that need a jar of many blocks. */
    public TestBundle padding(int bytes) {
        this.paddingBytes = bytes;
        return this;
    }

    /** Writes {@code <symbolicName>-<version>.jar} into {@code dir} and returns its path. */
    public Path build(Path dir) {
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", symbolicName);
            builder.setProperty("Bundle-Version", version);
            builder.setProperty("-dsannotations", "*");
            builder.setProperty("-noextraheaders", "true");
            builder.setProperty("-reproducible", "true");
            if (!privatePackages.isEmpty()) {
                builder.setProperty("-includepackage", String.join(",", privatePackages));
            }
            if (!exportedPackages.isEmpty()) {
                builder.setProperty("Export-Package", String.join(",", exportedPackages.stream()
                        .map(p -> p + ";version=" + version).toList()));
            }
            List<String> imports = new ArrayList<>(extraImports);
            imports.add("*");
            builder.setProperty("Import-Package", String.join(",", imports));
            if (activator != null) {
                builder.setProperty("Bundle-Activator", activator);
            }
            // Where the classes come from (target/classes or the testkit jar) and what they import from.
            for (Class<?> anchor : List.of(TestBundle.class, Extension.class, BundleActivator.class)) {
                builder.addClasspath(location(anchor));
            }
            Jar jar = builder.build();
            if (!builder.isOk()) {
                throw new IllegalStateException("bnd could not build " + symbolicName + ": " + builder.getErrors());
            }
            if (paddingBytes > 0) {
                byte[] noise = new byte[paddingBytes];
                new Random(paddingBytes).nextBytes(noise);
                jar.putResource("padding/noise.bin", new EmbeddedResource(noise, 0L));
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(symbolicName + "-" + version + ".jar");
            jar.write(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("bnd could not build " + symbolicName + ": " + e, e);
        }
    }

    private static File location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
