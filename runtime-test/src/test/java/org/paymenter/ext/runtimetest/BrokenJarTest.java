package org.paymenter.ext.runtimetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.testkit.Samples.ACTIVATOR_BSN;
import static org.paymenter.ext.testkit.Samples.GATEWAY_BSN;
import static org.paymenter.ext.testkit.Samples.GATEWAY_EXTENSION;
import static org.paymenter.ext.testkit.Samples.LIBUSER_BSN;
import static org.paymenter.ext.testkit.Samples.SERVER_BSN;
import static org.paymenter.ext.testkit.Samples.SERVER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.THROWING_BSN;
import static org.paymenter.ext.testkit.Samples.component;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.paymenter.ext.runtime.deploy.FolderEntry;
import org.paymenter.ext.runtime.deploy.FolderEntry.State;
import org.paymenter.ext.testkit.BrokenJars;
import org.paymenter.ext.testkit.BundleEventLog;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.activator.ThrowingActivator;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.library.Greeting;
import org.paymenter.ext.testkit.samples.server.SampleServer;
import org.paymenter.ext.testkit.samples.throwing.ThrowingServer;

/**
 * Whatever is wrong with a jar is reported with a reason, visible in {@code ext:diag}, and touches nothing
 * else; a file that is not (yet) a valid jar never takes down the version that runs.
 */
class BrokenJarTest {

    private static final String SERVER = component(SampleServer.class);
    private static final String BYSTANDER = component(SampleGateway.class);
    /** Small blocks, short pauses: a slow copy the watcher sees many times before it is complete. */
    private static final int BLOCK = 4096;
    private static final Duration PAUSE = Duration.ofMillis(5);
    /** About fifty blocks. */
    private static final int PADDING = 200 * 1024;

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private final RuntimeHarness rt = RUNTIME.harness();
    private BundleEventLog events;

    /** A running extension that must not notice anything the tests do. */
    @BeforeEach
    void deployBystander() {
        rt.deploy(Samples.gateway().build(rt.scratchDir()));
        rt.awaitService(GATEWAY_EXTENSION, BYSTANDER);
        events = rt.recordBundleEvents();
    }

    @AfterEach
    void bystanderWasLeftAloneAndFolderIsEmptied() {
        events.close();
        assertThat(events.types(GATEWAY_BSN)).as("events of the bystander").isEmpty();
        assertThat(rt.services(GATEWAY_EXTENSION, BYSTANDER)).hasSize(1);
        rt.removeAll();
    }

    /** The kinds of unreadable file, and a phrase of the reason each must be reported with. */
    enum Unreadable {
        RANDOM_BYTES("not a complete jar", (valid, target) -> BrokenJars.randomBytes(target, 10_000)),
        TRUNCATED("not a complete jar", BrokenJars::truncated),
        NO_MANIFEST("MANIFEST.MF", (valid, target) -> BrokenJars.zipWithoutManifest(target)),
        CORRUPT_CLASS_ENTRY("corrupt entry", BrokenJars::corruptClassEntry);

        final String reason;
        final BiFunction<Path, Path, Path> writer;

        Unreadable(String reason, BiFunction<Path, Path, Path> writer) {
            this.reason = reason;
            this.writer = writer;
        }
    }

    @ParameterizedTest
    @EnumSource(Unreadable.class)
    void unreadableJarIsReportedAndReplacingItByAValidJarInstallsIt(Unreadable kind) {
        Path valid = Samples.server().build(rt.scratchDir());
        Path broken = kind.writer.apply(valid, rt.scratchDir().resolve(kind + ".jar"));

        rt.deployAs(broken, "extension.jar");

        FolderEntry entry = rt.awaitEntry("extension.jar", State.UNREADABLE);
        assertThat(entry.reason()).contains(kind.reason);
        assertThat(entry.bundleId()).isEqualTo(-1);
        assertThat(rt.bundle(SERVER_BSN)).isEmpty();
        assertThat(rt.shell("diag")).contains("extension.jar").contains("UNREADABLE");

        rt.deployAs(valid, "extension.jar");

        rt.awaitService(SERVER_EXTENSION, SERVER);
        rt.awaitEntry("extension.jar", State.ACTIVE);
    }

    @Test
    void missingImportFailsWithTheResolversReasonAndStartsOnceAnExporterArrives() {
        Path user = rt.deploy(Samples.libraryUser().build(rt.scratchDir()));
        String file = user.getFileName().toString();

        FolderEntry failed = rt.awaitEntry(file, State.FAILED);
        assertThat(failed.reason()).contains("missing requirement").contains(Greeting.class.getPackageName());
        assertThat(rt.shell("diag")).contains(file).contains("FAILED");

        rt.deploy(Samples.library().build(rt.scratchDir()));

        rt.awaitEntry(file, State.ACTIVE);
        rt.awaitBundleState(LIBUSER_BSN, Bundle.ACTIVE);
    }

    @Test
    void unresolvableImportOfAnUnknownPackageIsReported() {
        Path jar = rt.deploy(Samples.server().importing("com.nonexistent").build(rt.scratchDir()));

        FolderEntry failed = rt.awaitEntry(jar.getFileName().toString(), State.FAILED);

        assertThat(failed.reason()).contains("com.nonexistent");
        assertThat(rt.services(SERVER_EXTENSION, SERVER)).isEmpty();
    }

    @Test
    void throwingActivatorFailsWithItsReason() {
        Path jar = rt.deploy(Samples.throwingActivator().build(rt.scratchDir()));

        FolderEntry failed = rt.awaitEntry(jar.getFileName().toString(), State.FAILED);

        assertThat(failed.reason()).contains(ThrowingActivator.MESSAGE);
        assertThat(rt.bundle(ACTIVATOR_BSN)).get().extracting(Bundle::getState).isNotEqualTo(Bundle.ACTIVE);
        assertThat(rt.shell("diag")).contains(jar.getFileName().toString()).contains(ThrowingActivator.MESSAGE);
    }

    @Test
    void throwingComponentLeavesItsBundleActiveAndDiagNamesIt() {
        Path jar = rt.deploy(Samples.throwing().build(rt.scratchDir()));

        rt.awaitEntry(jar.getFileName().toString(), State.ACTIVE);
        rt.awaitBundleState(THROWING_BSN, Bundle.ACTIVE);
        String diag = rt.awaitShell(out -> out.contains(ThrowingServer.MESSAGE), "diag");
        assertThat(RuntimeHarness.lineWith(diag, ThrowingServer.MESSAGE)).contains(ThrowingServer.class.getName());
    }

    @Test
    void corruptFileWrittenOverAnInstalledJarKeepsThatVersionRunning() {
        rt.deployAs(Samples.server().build(rt.scratchDir()), "sampleserver.jar");
        ServiceReference<?> running = rt.awaitService(SERVER_EXTENSION, SERVER);
        long id = running.getBundle().getBundleId();
        try (BundleEventLog serverEvents = rt.recordBundleEvents()) {

            rt.deployAs(BrokenJars.randomBytes(rt.scratchDir().resolve("noise.jar"), 50_000), "sampleserver.jar");

            FolderEntry entry = rt.awaitEntry("sampleserver.jar", State.UNREADABLE);
            assertThat(entry.bundleId()).isEqualTo(id);
            assertThat(entry.reason()).contains("keeps running");
            assertThat(rt.services(SERVER_EXTENSION, SERVER)).containsExactly(running);
            assertThat(serverEvents.types(SERVER_BSN)).isEmpty();

            rt.deployAs(Samples.server().version("1.1.0").build(rt.scratchDir()), "sampleserver.jar");

            rt.awaitEntry("sampleserver.jar", e -> e.isRunning() && "1.1.0".equals(e.version()));
            assertThat(rt.bundle(SERVER_BSN)).get().extracting(Bundle::getBundleId).isEqualTo(id);
            assertThat(serverEvents.types(SERVER_BSN)).contains("UPDATED").doesNotContain("UNINSTALLED", "INSTALLED");
        }
    }

    @Test
    void jarOverwrittenSlowlyInPlaceKeepsTheOldVersionUntilTheCopyIsComplete() {
        Path target = rt.deployAs(Samples.server().build(rt.scratchDir()), "sampleserver.jar");
        long id = rt.awaitService(SERVER_EXTENSION, SERVER).getBundle().getBundleId();
        Path next = Samples.server().version("1.1.0").padding(PADDING).build(rt.scratchDir());

        try (BundleEventLog serverEvents = rt.recordBundleEvents()) {

            long lastBlockAt = BrokenJars.writeSlowly(next, target, BLOCK, PAUSE);

            rt.awaitEntry("sampleserver.jar", e -> e.isRunning() && "1.1.0".equals(e.version()));
            assertThat(rt.bundle(SERVER_BSN)).get().extracting(Bundle::getBundleId).isEqualTo(id);
            assertThat(serverEvents.events(SERVER_BSN))
                    .as("nothing happens to the running bundle before the copy is complete")
                    .isNotEmpty().allMatch(e -> e.nanos() >= lastBlockAt);
            assertThat(serverEvents.count(SERVER_BSN, "UPDATED")).isEqualTo(1);
            assertThat(serverEvents.types(SERVER_BSN)).doesNotContain("UNINSTALLED", "INSTALLED");
        }
    }

    @Test
    void jarWrittenSlowlyIntoTheFolderIsInstalledOnceWhenComplete() {
        Path jar = Samples.server().padding(PADDING).build(rt.scratchDir());
        CompletableFuture<Long> copy = CompletableFuture.supplyAsync(
                () -> BrokenJars.writeSlowly(jar, rt.bundlesDir().resolve("slow.jar"), BLOCK, PAUSE));

        // While the copy runs, the file is there but not (yet) a jar.
        rt.awaitEntry("slow.jar", State.UNREADABLE);
        long lastBlockAt = copy.join();

        rt.awaitService(SERVER_EXTENSION, SERVER);
        rt.awaitEntry("slow.jar", State.ACTIVE);
        assertThat(events.count(SERVER_BSN, "INSTALLED")).isEqualTo(1);
        assertThat(events.count(SERVER_BSN, "UPDATED")).isZero();
        assertThat(events.events(SERVER_BSN)).allMatch(e -> e.nanos() >= lastBlockAt);
    }
}
