package org.paymenter.ext.runtimetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.testkit.Samples.GATEWAY_EXTENSION;
import static org.paymenter.ext.testkit.Samples.OTHER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.SERVER_BSN;
import static org.paymenter.ext.testkit.Samples.SERVER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.component;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.paymenter.ext.runtime.deploy.FolderEntry;
import org.paymenter.ext.runtime.deploy.FolderEntry.State;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.other.SampleOther;
import org.paymenter.ext.testkit.samples.server.SampleServer;

/** A jar moved into the folder runs; deleted, it is gone; present at start, it runs before start returns. */
class FolderInstallTest {

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private final RuntimeHarness rt = RUNTIME.harness();

    @AfterEach
    void emptyFolder() {
        rt.removeAll();
    }

    @Test
    void jarMovedInIsInstalledAndStarted() {
        Path jar = Samples.server().build(rt.scratchDir());

        rt.deploy(jar);

        ServiceReference<?> ref = rt.awaitService(SERVER_EXTENSION, component(SampleServer.class));
        Bundle bundle = ref.getBundle();
        assertThat(bundle.getSymbolicName()).isEqualTo(SERVER_BSN);
        assertThat(bundle.getState()).isEqualTo(Bundle.ACTIVE);
        FolderEntry entry = rt.awaitEntry(jar.getFileName().toString(), State.ACTIVE);
        assertThat(entry.symbolicName()).isEqualTo(SERVER_BSN);
        assertThat(entry.version()).isEqualTo("1.0.0");
        assertThat(entry.bundleId()).isEqualTo(bundle.getBundleId());
        assertThat(entry.reason()).isEmpty();
    }

    @Test
    void deletingTheJarUninstallsIt() {
        Path jar = rt.deploy(Samples.server().build(rt.scratchDir()));
        Bundle bundle = rt.awaitService(SERVER_EXTENSION, component(SampleServer.class)).getBundle();

        rt.remove(jar.getFileName().toString());

        rt.awaitNoService(SERVER_EXTENSION, component(SampleServer.class));
        Poll.untilTrue("the bundle uninstalled", Poll.DEFAULT_TIMEOUT,
                () -> bundle.getState() == Bundle.UNINSTALLED, () -> "state " + bundle.getState());
        assertThat(rt.bundle(SERVER_BSN)).isEmpty();
        Poll.untilTrue("the entry gone", Poll.DEFAULT_TIMEOUT, () -> rt.folder().entries().isEmpty(),
                () -> String.valueOf(rt.folder().entries()));
    }

    @Test
    void oneExtensionOfEachCategoryRunsSideBySide() {
        rt.deploy(Samples.server().build(rt.scratchDir()));
        rt.deploy(Samples.gateway().build(rt.scratchDir()));
        rt.deploy(Samples.other().build(rt.scratchDir()));

        rt.awaitService(SERVER_EXTENSION, component(SampleServer.class));
        rt.awaitService(GATEWAY_EXTENSION, component(SampleGateway.class));
        rt.awaitService(OTHER_EXTENSION, component(SampleOther.class));
        String list = rt.awaitShell(out -> out.contains(SampleOther.NAME), "list");
        assertThat(RuntimeHarness.lineWith(list, SampleServer.NAME)).contains("servers");
        assertThat(RuntimeHarness.lineWith(list, SampleGateway.NAME)).contains("gateways");
        assertThat(RuntimeHarness.lineWith(list, SampleOther.NAME)).contains("others");
    }

    @Test
    void whatIsInTheFolderAtStartRunsBeforeStartReturns(@TempDir Path workDir) {
        Path bundles = workDir.resolve("bundles");
        Samples.server().build(bundles);
        Samples.gateway().build(bundles);

        try (RuntimeHarness fresh = RuntimeHarness.start(workDir)) {
            // No waiting: "started" must mean the folder is applied.
            assertThat(fresh.folder().entries()).hasSize(2).allMatch(FolderEntry::isRunning);
            assertThat(fresh.services(SERVER_EXTENSION, component(SampleServer.class))).hasSize(1);
            assertThat(fresh.services(GATEWAY_EXTENSION, component(SampleGateway.class))).hasSize(1);
        }
    }
}
