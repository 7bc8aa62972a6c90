package org.paymenter.ext.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class JarInspectorTest {

    @TempDir
    Path dir;

    private final JarInspector inspector = new JarInspector();

    private Path bundle(String name, String bsn, String version, byte[] content) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", bsn + ";singleton:=true");
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new ZipEntry("data/content.bin"));
            out.write(content);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void readsSymbolicNameAndVersionOfACompleteBundle() throws Exception {
        JarInspection result = inspector.inspect(bundle("a.jar", "org.example.a", "1.2.3", new byte[1000]));
        assertThat(result).isInstanceOfSatisfying(JarInspection.Bundle.class, b -> {
            assertThat(b.symbolicName()).isEqualTo("org.example.a");
            assertThat(b.version()).isEqualTo(new Version(1, 2, 3));
            assertThat(b.fragment()).isFalse();
        });
    }

    @Test
    void fingerprintChangesWithContentNotWithFileName() throws Exception {
        long a = ((JarInspection.Bundle) inspector.inspect(bundle("a.jar", "x", "1.0.0", "one".getBytes()))).fingerprint();
        long b = ((JarInspection.Bundle) inspector.inspect(bundle("b.jar", "x", "1.0.0", "one".getBytes()))).fingerprint();
        long c = ((JarInspection.Bundle) inspector.inspect(bundle("c.jar", "x", "1.0.0", "two".getBytes()))).fingerprint();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void halfWrittenJarIsNotComplete() throws Exception {
        byte[] whole = Files.readAllBytes(bundle("whole.jar", "x", "1.0.0", new byte[50_000]));
        Path half = Files.write(dir.resolve("half.jar"), Arrays.copyOf(whole, whole.length / 2));
        assertThat(inspector.inspect(half)).isInstanceOfSatisfying(JarInspection.Unreadable.class,
                u -> assertThat(u.reason()).startsWith("not a complete jar"));
    }

    @Test
    void randomBytesAreRefused() throws Exception {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertThat(inspector.inspect(Files.write(dir.resolve("noise.jar"), noise)))
                .isInstanceOf(JarInspection.Unreadable.class);
    }

    @Test
    void zipWithoutManifestIsNotABundle() throws Exception {
        Path zip = dir.resolve("plain.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes());
        }
        assertThat(inspector.inspect(zip)).isInstanceOfSatisfying(JarInspection.Unreadable.class,
                u -> assertThat(u.reason()).contains("no META-INF/MANIFEST.MF"));
    }

    @Test
    void damagedEntryWithIntactDirectoryIsRefused() throws Exception {
        byte[] content = new byte[20_000];
        new java.util.Random(1).nextBytes(content); // incompressible: stored bytes are easy to find
        Path jar = bundle("damaged.jar", "x", "1.0.0", content);
        byte[] bytes = Files.readAllBytes(jar);
        int at = indexOf(bytes, Arrays.copyOfRange(content, 5000, 5016));
        if (at < 0) {
            at = bytes.length / 2; // deflated: any byte in the middle belongs to the entry's data
        }
        for (int i = 0; i < 16; i++) {
            bytes[at + i] ^= (byte) 0xFF;
        }
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write(bytes);
        }
        assertThat(inspector.inspect(jar)).isInstanceOfSatisfying(JarInspection.Unreadable.class,
                u -> assertThat(u.reason()).contains("data/content.bin"));
    }

    @Test
    void missingSymbolicNameIsNotABundle() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path jar = dir.resolve("lib.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new ZipEntry("a.txt"));
        }
        assertThat(inspector.inspect(jar)).isInstanceOfSatisfying(JarInspection.Unreadable.class,
                u -> assertThat(u.reason()).contains("no Bundle-SymbolicName"));
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
        return -1;
    }
}
