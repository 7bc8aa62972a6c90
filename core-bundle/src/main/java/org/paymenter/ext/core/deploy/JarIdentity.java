package org.paymenter.ext.core.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.osgi.framework.Version;
import org.paymenter.ext.core.api.DeploymentException;

/**
 * What a jar says about itself as a bundle: its symbolic name and version, read before anything is copied.
 *
 * @param symbolicName Bundle-SymbolicName without directives
 * @param version      Bundle-Version, {@code 0.0.0} when absent
 */
public record JarIdentity(String symbolicName, Version version) {

    private static final String MANIFEST = "META-INF/MANIFEST.MF";
    /** The symbolic name becomes part of a file name in the bundles folder. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** The file name it gets in the bundles folder: {@code <bsn>-<version>.jar}. */
    public String fileName() {
        return symbolicName + "-" + version + ".jar";
    }

    public static JarIdentity read(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw invalid("no such file: " + jar);
        }
        if (!Files.isReadable(jar)) {
            throw invalid("cannot read " + jar + " (permission denied)");
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw invalid(jar + " has no " + MANIFEST + "; it is not a bundle");
            }
            Manifest manifest = new Manifest(zip.getInputStream(entry));
            return of(jar, manifest);
        } catch (ZipException e) {
            throw invalid(jar + " is not a jar (zip) file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw invalid("cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    private static JarIdentity of(Path jar, Manifest manifest) {
        String bsnHeader = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (bsnHeader == null || bsnHeader.isBlank()) {
            throw invalid(jar + " has no Bundle-SymbolicName; it is not a bundle");
        }
        String bsn = bsnHeader.split(";", 2)[0].trim();
        if (!SAFE_NAME.matcher(bsn).matches()) {
            throw invalid(jar + " has an unusable Bundle-SymbolicName '" + bsn
                    + "'; letters, digits, '.', '_' and '-' only");
        }
        String versionHeader = manifest.getMainAttributes().getValue("Bundle-Version");
        try {
            Version version = versionHeader == null ? Version.emptyVersion : Version.parseVersion(versionHeader.trim());
            return new JarIdentity(bsn, version);
        } catch (IllegalArgumentException e) {
            throw invalid(jar + " has an invalid Bundle-Version '" + versionHeader + "': "
                    + e.getMessage(), e);
        }
    }

    private static DeploymentException invalid(String message) {
        return new DeploymentException(DeploymentException.Kind.INVALID_JAR, message);
    }

    private static DeploymentException invalid(String message, Throwable cause) {
        return new DeploymentException(DeploymentException.Kind.INVALID_JAR, message, cause);
    }
}
