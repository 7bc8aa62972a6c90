package org.paymenter.ext.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

class VerifiedJarsTest {

    private static final JarInspection.Bundle BUNDLE = new JarInspection.Bundle("org.example.ext", Version.parseVersion("1.2.3"),
            false, 987654321L);

    @TempDir
    Path dir;

    @Test
    void aJarVerifiedByAnEarlierStartIsKnownWhileItsFileIsTheSame() {
        Path record = dir.resolve("folder-verified");
        Path jar = dir.resolve("ext.jar");
        VerifiedJars first = new VerifiedJars(record);
        first.remember(jar, identity(7), BUNDLE);
        first.saveIfChanged();

        VerifiedJars next = new VerifiedJars(record);

        assertThat(next.lookup(jar, identity(7))).contains(BUNDLE);
        assertThat(next.lookup(jar, identity(8))).isEmpty();
        assertThat(next.lookup(dir.resolve("other.jar"), identity(7))).isEmpty();
    }

    @Test
    void aJarGoneFromTheFolderIsForgotten() {
        Path record = dir.resolve("folder-verified");
        Path jar = dir.resolve("ext.jar");
        VerifiedJars first = new VerifiedJars(record);
        first.remember(jar, identity(7), BUNDLE);
        first.saveIfChanged();
        first.retain(Set.of());
        first.saveIfChanged();

        assertThat(new VerifiedJars(record).lookup(jar, identity(7))).isEmpty();
    }

    @Test
    void aDamagedRecordIsIgnoredSoEveryJarIsCheckedInFull() throws IOException {
        Path record = Files.writeString(dir.resolve("folder-verified"), "ext.jar=not\\tenough\n\\u00zz broken=x\n");
        Path jar = dir.resolve("ext.jar");

        VerifiedJars verified = new VerifiedJars(record);

        assertThat(verified.lookup(jar, identity(7))).isEmpty();
    }

    private static Object identity(long size) {
        return List.of("(dev=801,ino=42)", size, 1_700_000_000_000L, "2023-11-14T22:13:20Z");
    }
}
