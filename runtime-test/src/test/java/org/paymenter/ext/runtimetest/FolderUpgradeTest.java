package org.paymenter.ext.runtimetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.testkit.Samples.CONSUMER_BSN;
import static org.paymenter.ext.testkit.Samples.LIBRARY_BSN;
import static org.paymenter.ext.testkit.Samples.LIBUSER_BSN;
import static org.paymenter.ext.testkit.Samples.OTHER_BSN;
import static org.paymenter.ext.testkit.Samples.SERVER_BSN;
import static org.paymenter.ext.testkit.Samples.SERVER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.component;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.paymenter.ext.runtime.deploy.FolderEntry;
import org.paymenter.ext.runtime.deploy.FolderEntry.State;
import org.paymenter.ext.testkit.BundleEventLog;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.consumer.GreetingConsumer;
import org.paymenter.ext.testkit.samples.server.SampleServer;

/**
 * The version matrix: a bundle is keyed by its symbolic name, not its file name, so every change of version
 * is an update of the same bundle in place, and the folder decides which version runs.
 */
class FolderUpgradeTest {

    private static final String SERVER = component(SampleServer.class);

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private final RuntimeHarness rt = RUNTIME.harness();

    @AfterEach
    void emptyFolder() {
        rt.removeAll();
    }

    @Test
    void higherVersionReplacesTheBundleInPlace() {
        rt.deployAs(server("1.0.0"), "sampleserver.jar");
        ServiceReference<?> old = awaitServerVersion("1.0.0");
        long id = old.getBundle().getBundleId();
        try (BundleEventLog events = rt.recordBundleEvents()) {

            rt.deployAs(server("1.1.0"), "sampleserver.jar");

            ServiceReference<?> current = awaitServerVersion("1.1.0");
            assertThat(current.getBundle().getBundleId()).isEqualTo(id);
            assertThat(current.getProperty("service.id")).isNotEqualTo(old.getProperty("service.id"));
            assertThat(events.types(SERVER_BSN)).contains("UPDATED").doesNotContain("UNINSTALLED", "INSTALLED");
        }
        String list = rt.awaitShell(out -> RuntimeHarness.lineWith(out, SampleServer.NAME).contains("1.1.0"), "list");
        assertThat(RuntimeHarness.lineWith(list, SampleServer.NAME)).doesNotContain("1.0.0");
        rt.awaitEntry("sampleserver.jar", e -> e.isRunning() && "1.1.0".equals(e.version()));
    }

    @Test
    void consumerHoldingTheOldServiceSeesTheNewOneAfterAnUpgrade() {
        rt.deploy(Samples.consumer().build(rt.scratchDir()));
        rt.deployAs(server("1.0.0"), "sampleserver.jar");
        awaitConsumerSees("sampleserver 1.0.0");
        try (BundleEventLog events = rt.recordBundleEvents()) {

            rt.deployAs(server("1.1.0"), "sampleserver.jar");

            awaitConsumerSees("sampleserver 1.1.0");
            assertThat(events.types(CONSUMER_BSN)).as("the consumer rebinds; it is not restarted").isEmpty();
        }
    }

    @Test
    void lowerVersionReplacingTheFileIsADowngradeAndRuns() {
        rt.deployAs(server("1.1.0"), "sampleserver.jar");
        long id = awaitServerVersion("1.1.0").getBundle().getBundleId();

        rt.deployAs(server("1.0.0"), "sampleserver.jar");

        assertThat(awaitServerVersion("1.0.0").getBundle().getBundleId()).isEqualTo(id);
        rt.awaitEntry("sampleserver.jar", e -> e.isRunning() && "1.0.0".equals(e.version()));
    }

    @Test
    void deletingOneVersionAndAddingAnotherInTheSameMomentIsOneUpdate() {
        Path v1 = rt.deploy(server("1.0.0"));
        long id = awaitServerVersion("1.0.0").getBundle().getBundleId();
        Path v11 = server("1.1.0");
        try (BundleEventLog events = rt.recordBundleEvents()) {

            rt.swap(v1.getFileName().toString(), v11, v11.getFileName().toString());

            assertThat(awaitServerVersion("1.1.0").getBundle().getBundleId()).isEqualTo(id);
            assertThat(events.types(SERVER_BSN)).doesNotContain("UNINSTALLED", "INSTALLED");
            assertThat(events.count(SERVER_BSN, "UPDATED")).isEqualTo(1);
        }
        Poll.untilTrue("only the new jar listed", Poll.DEFAULT_TIMEOUT,
                () -> rt.folder().entries().stream().map(FolderEntry::file).toList()
                        .equals(List.of(v11.getFileName().toString())),
                () -> String.valueOf(rt.folder().entries()));
    }

    @Test
    void twoJarsWithOneSymbolicNameRunTheHigherAndReportTheOther() {
        Path v1 = rt.deploy(server("1.0.0"));
        long id = awaitServerVersion("1.0.0").getBundle().getBundleId();
        Path v11 = rt.deploy(server("1.1.0"));

        assertThat(awaitServerVersion("1.1.0").getBundle().getBundleId()).isEqualTo(id);
        FolderEntry loser = rt.awaitEntry(v1.getFileName().toString(), State.SUPERSEDED);
        assertThat(loser.reason()).contains(v11.getFileName().toString()).contains("1.1.0");
        assertThat(loser.bundleId()).isEqualTo(-1);
        assertThat(rt.entry(v11.getFileName().toString())).get().matches(FolderEntry::isRunning);
        assertThat(rt.services(SERVER_EXTENSION, SERVER)).hasSize(1);

        // The folder is the truth: without the higher one, the lower one runs, in the same bundle.
        rt.remove(v11.getFileName().toString());
        assertThat(awaitServerVersion("1.0.0").getBundle().getBundleId()).isEqualTo(id);
        rt.awaitEntry(v1.getFileName().toString(), State.ACTIVE);
    }

    @Test
    void updatingALibraryRefreshesItsDependantsOnly() {
        rt.deployAs(Samples.library().version("1.0.0").build(rt.scratchDir()), "library.jar");
        rt.deploy(Samples.libraryUser().build(rt.scratchDir()));
        rt.deploy(Samples.other().build(rt.scratchDir()));
        rt.awaitBundleState(LIBUSER_BSN, Bundle.ACTIVE);
        rt.awaitBundleState(OTHER_BSN, Bundle.ACTIVE);
        try (BundleEventLog events = rt.recordBundleEvents()) {

            rt.deployAs(Samples.library().version("1.1.0").build(rt.scratchDir()), "library.jar");

            Bundle user = Poll.until("the library user wired to library 1.1.0", Poll.DEFAULT_TIMEOUT,
                    () -> rt.bundle(LIBUSER_BSN).filter(b -> b.getState() == Bundle.ACTIVE
                            && "1.1.0".equals(libraryVersionWiredTo(b))),
                    () -> rt.bundle(LIBUSER_BSN).map(b -> b.getState() + " wired to " + libraryVersionWiredTo(b))
                            .orElse("not installed"));
            assertThat(events.types(LIBUSER_BSN)).as("the dependant was refreshed").contains("STOPPED", "UNRESOLVED");
            assertThat(events.types(OTHER_BSN)).as("an unrelated bundle is left alone").isEmpty();
            assertThat(events.types("org.paymenter.ext.core")).as("the core is left alone").isEmpty();
            assertThat(rt.bundle(LIBRARY_BSN)).get().extracting(b -> b.getVersion().toString()).isEqualTo("1.1.0");
            assertThat(user.getState()).isEqualTo(Bundle.ACTIVE);
        }
    }

    private Path server(String version) {
        return Samples.server().version(version).build(rt.scratchDir());
    }

    /** Waits until the sample server's service comes from a bundle of {@code version}. */
    private ServiceReference<?> awaitServerVersion(String version) {
        return Poll.until("sampleserver " + version + " registered", Poll.DEFAULT_TIMEOUT,
                () -> rt.services(SERVER_EXTENSION, SERVER).stream()
                        .filter(r -> r.getBundle() != null && r.getBundle().getVersion().toString().equals(version))
                        .findFirst().map(r -> (ServiceReference<?>) r),
                () -> "registered: " + rt.services(SERVER_EXTENSION, SERVER).stream()
                        .map(r -> r.getBundle() == null ? "?" : r.getBundle().getVersion().toString()).toList());
    }

    private void awaitConsumerSees(String expected) {
        ServiceReference<?> ref = rt.awaitService(Supplier.class.getName(), "(" + GreetingConsumer.PROPERTY + "=true)");
        Poll.untilTrue("the consumer bound to " + expected, Poll.DEFAULT_TIMEOUT,
                () -> expected.equals(boundVersion(ref)), () -> boundVersion(ref));
    }

    /** Supplier is a JDK type, the same class on both sides, so this cast is safe (an api cast is not). */
    private String boundVersion(ServiceReference<?> ref) {
        Supplier<?> consumer = (Supplier<?>) rt.context().getService(ref);
        try {
            return String.valueOf(consumer.get());
        } finally {
            rt.context().ungetService(ref);
        }
    }

    private static String libraryVersionWiredTo(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        List<BundleWire> wires = wiring == null ? List.of() : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        return Optional.ofNullable(wires).orElse(List.of()).stream()
                .filter(w -> LIBRARY_BSN.equals(w.getProvider().getSymbolicName()))
                .map(w -> w.getProvider().getVersion().toString()).findFirst().orElse("nothing");
    }
}
