package org.paymenter.ext.runtimetest;

import static org.paymenter.ext.testkit.Samples.SERVER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.server.SampleServer;

/**
 * The hooks run once per event: installed on the first install, upgraded(old) when a higher version
 * replaces it, nothing on a restart or a downgrade, uninstalled on removal. The sample writes each call to
 * {@code <data>/hooks.log}; every step waits for the exact list, so a call too many fails the test.
 */
class LifecycleHooksTest {

    @TempDir
    Path workDir;

    @Test
    void hooksRunOncePerLifecycleEvent() {
        try (RuntimeHarness rt = RuntimeHarness.start(workDir)) {
            rt.deployAs(server(rt, "1.0.0"), "sampleserver.jar");
            awaitHooks(rt, "installed sampleserver 1.0.0");

            rt.deployAs(server(rt, "1.1.0"), "sampleserver.jar");
            awaitHooks(rt, "installed sampleserver 1.0.0", "upgraded sampleserver 1.0.0 -> 1.1.0");

            rt.restart();
            rt.awaitService(SERVER_EXTENSION, component(SampleServer.class));
            rt.awaitShell(out -> RuntimeHarness.lineWith(out, SampleServer.NAME).contains("1.1.0"), "list");

            rt.deployAs(server(rt, "1.0.0"), "sampleserver.jar"); // a downgrade is no upgrade
            rt.awaitShell(out -> RuntimeHarness.lineWith(out, SampleServer.NAME).contains("1.0.0"), "list");

            rt.remove("sampleserver.jar");
            awaitHooks(rt, "installed sampleserver 1.0.0", "upgraded sampleserver 1.0.0 -> 1.1.0",
                    "uninstalled sampleserver 1.0.0");
        }
    }

    private static Path server(RuntimeHarness rt, String version) {
        return Samples.server().version(version).build(rt.scratchDir());
    }

    private static void awaitHooks(RuntimeHarness rt, String... expected) {
        Path log = rt.dataDir().resolve(SampleServer.HOOKS_LOG);
        List<String> wanted = List.of(expected);
        Poll.untilTrue("hooks.log to read " + wanted, Poll.DEFAULT_TIMEOUT, () -> lines(log).equals(wanted),
                () -> String.valueOf(lines(log)));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
