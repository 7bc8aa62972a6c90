package org.paymenter.ext.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * Decides from the file itself, not from the clock, whether a jar is complete and valid: its central
 * directory must read (a zip's central directory is written last, so a half-copied file has none), it
 * must carry a bundle manifest, and every entry must inflate to its recorded CRC (so a jar with a
 * damaged class is refused before it replaces a working version).
 */
final class JarInspector {

    private static final int BUFFER = 64 * 1024;

    JarInspection inspect(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(JarFile.MANIFEST_NAME);
            if (manifestEntry == null) {
                return new JarInspection.Unreadable("no META-INF/MANIFEST.MF: not an OSGi bundle");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = new Manifest(in);
            }
            Attributes main = manifest.getMainAttributes();
            String bsnHeader = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsnHeader == null || bsnHeader.isBlank()) {
                return new JarInspection.Unreadable("no Bundle-SymbolicName in the manifest: not an OSGi bundle");
            }
            Version version;
            try {
                version = Version.parseVersion(main.getValue(Constants.BUNDLE_VERSION));
            } catch (IllegalArgumentException e) {
                return new JarInspection.Unreadable("invalid Bundle-Version '" + main.getValue(Constants.BUNDLE_VERSION)
                        + "': " + e.getMessage());
            }
            long fingerprint = verifyEntries(zip);
            String bsn = bsnHeader.split(";", 2)[0].trim();
            boolean fragment = main.getValue(Constants.FRAGMENT_HOST) != null;
            return new JarInspection.Bundle(bsn, version, fragment, fingerprint);
        } catch (ZipException e) {
            return new JarInspection.Unreadable("not a complete jar (" + e.getMessage()
                    + "); a file still being copied is picked up once complete");
        } catch (CorruptEntryException e) {
            return new JarInspection.Unreadable(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new JarInspection.Unreadable("cannot read the jar: " + e);
        }
    }

    /** Inflates every entry and checks its CRC; returns a fingerprint of all names and CRCs. */
    private static long verifyEntries(ZipFile zip) throws IOException {
        CRC32 fingerprint = new CRC32();
        byte[] buffer = new byte[BUFFER];
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            CRC32 crc = new CRC32();
            try (InputStream in = zip.getInputStream(entry)) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    crc.update(buffer, 0, n);
                }
            } catch (ZipException e) {
                throw new CorruptEntryException("corrupt entry " + entry.getName() + " (" + e.getMessage() + ")");
            }
            if (!entry.isDirectory() && entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw new CorruptEntryException("corrupt entry " + entry.getName() + " (checksum mismatch)");
            }
            fingerprint.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long value = crc.getValue();
            for (int i = 0; i < Long.BYTES; i++) {
                fingerprint.update((int) (value >>> (i * Byte.SIZE)));
            }
        }
        return fingerprint.getValue();
    }

    private static final class CorruptEntryException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptEntryException(String message) {
            super(message);
        }
    }
}
