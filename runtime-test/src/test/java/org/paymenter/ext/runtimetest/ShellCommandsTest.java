package org.paymenter.ext.runtimetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.testkit.RuntimeHarness.lineWith;
import static org.paymenter.ext.testkit.Samples.HANGING_BSN;
import static org.paymenter.ext.testkit.Samples.OTHER_BSN;
import static org.paymenter.ext.testkit.Samples.OTHER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.SERVER_BSN;
import static org.paymenter.ext.testkit.Samples.SERVER_EXTENSION;
import static org.paymenter.ext.testkit.Samples.component;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.paymenter.ext.runtime.deploy.FolderEntry.State;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.hanging.HangingServer;
import org.paymenter.ext.testkit.samples.other.SampleOther;
import org.paymenter.ext.testkit.samples.server.SampleServer;

/**
 * What the {@code ext:*} commands print. One runtime with one sample of each category; every test leaves
 * the folder as it found it and uses instance names of its own.
 */
class ShellCommandsTest {

    private static final String SERVER = SampleServer.NAME;

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private final RuntimeHarness rt = RUNTIME.harness();

    @BeforeAll
    static void deploySamples() {
        RuntimeHarness rt = RUNTIME.harness();
        for (Path jar : List.of(rt.deploy(Samples.server().build(rt.scratchDir())),
                rt.deploy(Samples.gateway().build(rt.scratchDir())), rt.deploy(Samples.other().build(rt.scratchDir())))) {
            rt.awaitEntry(jar.getFileName().toString(), State.ACTIVE);
        }
        rt.awaitShell(out -> out.contains(SERVER) && out.contains(SampleGateway.NAME) && out.contains(SampleOther.NAME),
                "list");
    }

    @Test
    void listShowsEachExtensionWithItsCategoryVersionAndBundle() {
        String list = rt.shell("list");

        assertThat(lineWith(list, SERVER)).contains("servers", "1.0.0", "ACTIVE", SERVER_BSN);
        assertThat(lineWith(list, SampleGateway.NAME)).contains("gateways", "1.0.0", "ACTIVE");
        assertThat(lineWith(list, SampleOther.NAME)).contains("others", "1.0.0", "ACTIVE");
    }

    @Test
    void infoShowsMetadataAndEveryConfigField() {
        String info = rt.shell("info", SERVER);

        assertThat(info).contains("servers/" + SERVER, "Sample server", SERVER_BSN + " 1.0.0");
        assertThat(lineWith(info, "host")).contains("text", "yes");
        assertThat(lineWith(info, "port")).contains("number", "8006");
        assertThat(lineWith(info, "token")).contains("password", "yes");
        assertThat(lineWith(info, "verify_tls")).contains("checkbox", "true");
        assertThat(rt.shell("info", "nosuchextension")).startsWith("error:").contains("nosuchextension");
    }

    @Test
    void configCreatesShowsAndUpdatesAnInstanceWithoutEverPrintingTheSecret() {
        String created = rt.shell("config", SERVER, "shell-1", "host=h.example", "token=topsecret");
        assertThat(created).startsWith("created").contains("shell-1", "h.example").doesNotContain("topsecret");
        assertThat(lineWith(created, "token")).contains("set");

        assertThat(rt.shell("instances")).contains("shell-1", "servers/" + SERVER);
        assertThat(rt.shell("instances", SERVER)).contains("shell-1");
        assertThat(rt.shell("instances", SampleGateway.NAME)).contains("no instances");

        String updated = rt.shell("config", SERVER, "shell-1", "port=9000");
        assertThat(updated).startsWith("updated").doesNotContain("topsecret");
        assertThat(lineWith(updated, "port")).contains("9000");
        assertThat(lineWith(updated, "token")).as("an update keeps the stored secret").contains("set");
        assertThat(rt.shell("config", SERVER, "shell-1")).contains("h.example").doesNotContain("topsecret");
        assertThat(rt.shell("config", SERVER)).contains("ext:config " + SERVER + " <instance name>", "shell-1");
        assertThat(rt.shell("test", "shell-1")).isEqualTo("ok: connected to h.example:9000 with a token of 9 characters");
    }

    @Test
    void configReportsEveryFieldErrorAtOnceAndStoresNothing() {
        String refused = rt.shell("config", SERVER, "bad-1", "port=abc", "colour=red");

        assertThat(refused).startsWith("error:").contains("nothing changed");
        assertThat(lineWith(refused, "host:")).containsIgnoringCase("host is required");
        assertThat(lineWith(refused, "port:")).containsIgnoringCase("port must be a number");
        assertThat(lineWith(refused, "colour:")).contains("not a field");
        assertThat(rt.shell("config", SERVER, "bad-2", "host=h.example", "port=70000"))
                .startsWith("error:").contains("at most 65535");
        assertThat(rt.shell("instances")).doesNotContain("bad-1", "bad-2");
    }

    @Test
    void testReportsWhetherTheRemoteSystemAnswers() {
        rt.shell("config", SERVER, "up-1", "host=up.example");
        rt.shell("config", SERVER, "down-1", "host=" + SampleServer.UNREACHABLE_HOST);

        assertThat(rt.shell("test", "up-1")).isEqualTo("ok: connected to up.example:8006 without a token");
        assertThat(rt.shell("test", "down-1")).startsWith("failed:").contains("cannot reach");
        assertThat(rt.shell("test", "no-such-instance")).startsWith("error:");
    }

    @Test
    void installUpgradeAndUninstallGoThroughTheFolder() {
        Path v1 = Samples.hanging().version("1.0.0").build(rt.scratchDir());
        Path v11 = Samples.hanging().version("1.1.0").build(rt.scratchDir());
        String filter = component(HangingServer.class);

        assertThat(rt.shell("install", v1)).startsWith("installed " + HANGING_BSN + " 1.0.0").contains("ACTIVE");
        long id = rt.awaitService(SERVER_EXTENSION, filter).getBundle().getBundleId();
        assertThat(rt.folder().entries()).anyMatch(e -> HANGING_BSN.equals(e.symbolicName()));
        assertThat(rt.shell("install", v1)).startsWith("error:").contains("ext:upgrade");

        assertThat(rt.shell("upgrade", v11)).startsWith("upgraded " + HANGING_BSN + " from 1.0.0 to 1.1.0")
                .contains("ACTIVE");
        Bundle upgraded = rt.awaitBundleState(HANGING_BSN, Bundle.ACTIVE);
        assertThat(upgraded.getBundleId()).isEqualTo(id);
        assertThat(upgraded.getVersion().toString()).isEqualTo("1.1.0");
        assertThat(rt.folder().entries()).filteredOn(e -> HANGING_BSN.equals(e.symbolicName())).hasSize(1);

        assertThat(rt.shell("uninstall", HangingServer.NAME)).startsWith("uninstalled " + HANGING_BSN);
        rt.awaitNoService(SERVER_EXTENSION, filter);
        assertThat(rt.folder().entries()).noneMatch(e -> HANGING_BSN.equals(e.symbolicName()));
    }

    @Test
    void stopAndStartKeepTheJarInTheFolder() {
        String filter = component(SampleOther.class);
        String file = rt.folder().entries().stream().filter(e -> OTHER_BSN.equals(e.symbolicName())).findFirst()
                .orElseThrow().file();

        assertThat(rt.shell("stop", SampleOther.NAME)).startsWith("stopped " + OTHER_BSN);
        rt.awaitNoService(OTHER_EXTENSION, filter);
        rt.awaitEntry(file, State.STOPPED);
        assertThat(rt.shell("diag")).contains(file, "STOPPED");
        assertThat(rt.shell("list")).containsPattern("others +" + SampleOther.NAME + " +\\S+ +STOPPED +" + OTHER_BSN);

        // named as it was while it ran, though the registry no longer has it
        assertThat(rt.shell("start", SampleOther.NAME)).startsWith("started " + OTHER_BSN).contains("ACTIVE");
        rt.awaitService(OTHER_EXTENSION, filter);
        rt.awaitEntry(file, State.ACTIVE);
    }

    @Test
    void diagIsOneLineWhenEverythingRuns() {
        int jars = rt.folder().entries().size();

        String diag = rt.awaitShell(out -> out.startsWith("all "), "diag");

        assertThat(diag).isEqualTo("all " + jars + " bundles in " + rt.bundlesDir() + " are active");
    }
}
