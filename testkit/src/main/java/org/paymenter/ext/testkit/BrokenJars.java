package org.paymenter.ext.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Writes the bad files an operator (or a crashed copy) can leave in the bundles folder. */
public final class BrokenJars {

    private BrokenJars() {
    }

    /** Bytes that are no zip at all. */
    public static Path randomBytes(Path target, int size) {
        byte[] noise = new byte[size];
        new Random(size).nextBytes(noise);
        return write(target, noise);
    }

    /** The first half of a valid jar: what a copy interrupted halfway leaves (no central directory). */
    public static Path truncated(Path validJar, Path target) {
        byte[] bytes = read(validJar);
        return write(target, Arrays.copyOf(bytes, bytes.length / 2));
    }

    /** A valid zip with a class in it but no META-INF/MANIFEST.MF: a plain library jar, not a bundle. */
    public static Path zipWithoutManifest(Path target) {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/example/Plain.class"));
            zip.write(new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61 });
            zip.closeEntry();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of {@code validJar} whose first {@code .class} entry is damaged inside while the central
     * directory stays intact: it opens as a zip and its manifest reads, but the class does not (the case
     * FileInstall installs and only fails at class-load time). The class is stored uncompressed with its
     * original CRC, then its magic number is zeroed in place.
     */
    public static Path corruptClassEntry(Path validJar, Path target) {
        String damaged = null;
        byte[] original = null;
        try (ZipFile in = new ZipFile(validJar.toFile());
                OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] content = in.getInputStream(entry).readAllBytes();
                ZipEntry copy = new ZipEntry(entry.getName());
                if (damaged == null && entry.getName().endsWith(".class")) {
                    damaged = entry.getName();
                    original = content;
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCompressedSize(content.length);
                    copy.setCrc(entry.getCrc());
                }
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (damaged == null) {
            throw new IllegalArgumentException(validJar + " has no class to damage");
        }
        byte[] bytes = read(target);
        int at = indexOf(bytes, original);
        Arrays.fill(bytes, at, at + 4, (byte) 0); // "Incompatible magic value 0"
        return write(target, bytes);
    }

    /**
     * Copies {@code source} straight into {@code target} (no temp file, no rename) in blocks with a pause
     * after each, as a slow {@code cp} or upload does; truncates {@code target} first if it exists.
     *
     * @return {@link System#nanoTime()} just before the last block was written: nothing may act on the
     *         file before that moment
     */
    public static long writeSlowly(Path source, Path target, int blockSize, Duration pause) {
        byte[] bytes = read(source);
        long lastBlockAt = System.nanoTime();
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int offset = 0; offset < bytes.length; offset += blockSize) {
                int length = Math.min(blockSize, bytes.length - offset);
                if (offset + length == bytes.length) {
                    lastBlockAt = System.nanoTime();
                }
                out.write(bytes, offset, length);
                out.flush();
                if (offset + length < bytes.length) {
                    Thread.sleep(pause.toMillis());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + target, e);
        }
        return lastBlockAt;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("stored class bytes not found in the written jar");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path target, byte[] bytes) {
        try {
            return Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
