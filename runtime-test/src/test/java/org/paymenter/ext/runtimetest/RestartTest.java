package org.paymenter.ext.runtimetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.testkit.Samples.GATEWAY_EXTENSION;
import static org.paymenter.ext.testkit.Samples.SERVER_BSN;
import static org.paymenter.ext.testkit.Samples.SERVER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.paymenter.ext.runtime.deploy.FolderEntry;
import org.paymenter.ext.runtime.deploy.FolderEntry.State;
import org.paymenter.ext.testkit.BrokenJars;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.server.SampleServer;

/** A restart loses nothing: the folder's bundles, an operator's stop, instances and their secrets. */
class RestartTest {

    private static final String SERVER = component(SampleServer.class);
    private static final String SECRET = "s3cret";

    @TempDir
    Path workDir;

    @Test
    void folderBundlesRunAgainAfterARestart() {
        try (RuntimeHarness rt = RuntimeHarness.start(workDir)) {
            rt.deploy(Samples.server().build(rt.scratchDir()));
            rt.deploy(Samples.gateway().build(rt.scratchDir()));
            rt.awaitService(SERVER_EXTENSION, SERVER);
            rt.awaitService(GATEWAY_EXTENSION, component(SampleGateway.class));

            rt.restart();

            // Start returns once the folder is applied: no waiting.
            assertThat(rt.folder().entries()).hasSize(2).allMatch(FolderEntry::isRunning);
            assertThat(rt.services(SERVER_EXTENSION, SERVER)).hasSize(1);
            assertThat(rt.services(GATEWAY_EXTENSION, component(SampleGateway.class))).hasSize(1);
        }
    }

    @Test
    void aJarDamagedWhileTheRuntimeWasStoppedIsCheckedInFullAtTheNextStart() throws IOException {
        Path jar;
        Path damaged;
        try (RuntimeHarness rt = RuntimeHarness.start(workDir)) {
            jar = rt.deploy(Samples.server().build(rt.scratchDir()));
            rt.awaitService(SERVER_EXTENSION, SERVER);
            damaged = BrokenJars.corruptClassEntry(jar, rt.scratchDir().resolve("damaged.jar"));
        }
        assertThat(Files.readString(workDir.resolve("data/folder-verified"))).contains(jar.getFileName().toString());
        Files.copy(damaged, jar, StandardCopyOption.REPLACE_EXISTING);

        try (RuntimeHarness rt = RuntimeHarness.start(workDir)) {
            assertThat(rt.entry(jar.getFileName().toString())).get().extracting(FolderEntry::state)
                    .isEqualTo(State.UNREADABLE);
            assertThat(rt.services(SERVER_EXTENSION, SERVER)).isEmpty();
        }
    }

    @Test
    void bundleStoppedWithTheShellStaysStoppedAcrossARestart() {
        try (RuntimeHarness rt = RuntimeHarness.start(workDir)) {
            Path jar = rt.deploy(Samples.server().build(rt.scratchDir()));
            String file = jar.getFileName().toString();
            rt.awaitEntry(file, State.ACTIVE); // ext:stop finds the bundle among the folder's entries

            assertThat(rt.shell("stop", SERVER_BSN)).startsWith("stopped " + SERVER_BSN);
            rt.awaitEntry(file, State.STOPPED);
            rt.awaitNoService(SERVER_EXTENSION, SERVER);

            rt.restart();

            assertThat(rt.entry(file)).get().extracting(FolderEntry::state).isEqualTo(State.STOPPED);
            assertThat(rt.bundle(SERVER_BSN)).get().extracting(Bundle::getState).isNotEqualTo(Bundle.ACTIVE);
            assertThat(rt.services(SERVER_EXTENSION, SERVER)).isEmpty();

            rt.shell("start", SERVER_BSN);

            rt.awaitService(SERVER_EXTENSION, SERVER);
            rt.awaitEntry(file, State.ACTIVE);
        }
    }

    @Test
    void instancesSurviveARestartWithTheirSecretEncrypted() throws IOException {
        try (RuntimeHarness rt = RuntimeHarness.start(workDir)) {
            rt.deploy(Samples.server().build(rt.scratchDir()));
            rt.awaitShell(out -> out.contains(SampleServer.NAME), "list");

            String created = rt.shell("config", SampleServer.NAME, "eu-1", "host=a.example", "token=" + SECRET);
            assertThat(created).contains("eu-1").doesNotContain(SECRET).doesNotContain("error");

            rt.restart();
            rt.awaitShell(out -> out.contains(SampleServer.NAME), "list");

            assertThat(rt.shell("instances")).contains("eu-1").contains("servers/" + SampleServer.NAME);
            String shown = rt.shell("config", SampleServer.NAME, "eu-1");
            assertThat(RuntimeHarness.lineWith(shown, "token")).contains("set");
            assertThat(RuntimeHarness.lineWith(shown, "host")).contains("a.example");
            assertThat(shown).doesNotContain(SECRET);
            // The extension gets the decrypted secret back (the sample reports its length, never its value).
            assertThat(rt.shell("test", "eu-1")).startsWith("ok:").contains("token of " + SECRET.length() + " characters");
            assertThat(filesContaining(rt.dataDir(), SECRET)).as("files under data/ holding the secret in plain text")
                    .isEmpty();
        }
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i <= bytes.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            return false; // a log file rotated away while walking
        }
    }
}
