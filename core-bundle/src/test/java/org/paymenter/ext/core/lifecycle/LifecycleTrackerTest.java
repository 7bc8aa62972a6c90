package org.paymenter.ext.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionInfo.State;
import org.paymenter.ext.core.lifecycle.Decision.Action;
import org.paymenter.ext.core.testing.FakeServer;

class LifecycleTrackerTest {

    @TempDir
    Path data;

    /** The hooks the extension received, in order, as "installed" or "upgraded(1.0.0)". */
    private final List<String> calls = new ArrayList<>();
    private boolean hooksFail;

    private final FakeServer extension = new FakeServer("proxmox", "any") {
        @Override
        public void installed() {
            calls.add("installed");
            failIfAsked();
        }

        @Override
        public void upgraded(String oldVersion) {
            calls.add("upgraded(" + oldVersion + ")");
            failIfAsked();
        }

        @Override
        public void uninstalled() {
            calls.add("uninstalled");
            failIfAsked();
        }
    };

    private void failIfAsked() {
        if (hooksFail) {
            throw new IllegalStateException("hook failed");
        }
    }

    /** Runs hooks directly on the fake, reporting failure as the invoker does: false, never thrown. */
    private LifecycleTracker tracker() {
        return new LifecycleTracker(data, (info, hookName, hook) -> {
            try {
                hook.accept(extension);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private static ExtensionInfo active(String version) {
        return new ExtensionInfo(Category.SERVERS, "proxmox",
                ExtensionMetadata.of("proxmox", "Proxmox", "", version, "tests"), 7, "org.proxmox", version,
                State.ACTIVE, Set.of(), "");
    }

    @Test
    void unknownExtensionIsInstalled() {
        Decision decision = tracker().activated(active("1.0.0"));

        assertThat(decision.action()).isEqualTo(Action.INSTALL);
        assertThat(calls).containsExactly("installed");
    }

    @Test
    void sameVersionAfterARestartCallsNothing() {
        tracker().activated(active("1.0.0"));

        Decision decision = tracker().activated(active("1.0.0"));

        assertThat(decision.action()).isEqualTo(Action.NONE);
        assertThat(calls).containsExactly("installed");
    }

    @Test
    void higherVersionIsUpgradedFromTheRecordedOne() {
        LifecycleTracker tracker = tracker();
        tracker.activated(active("1.9.0"));

        Decision decision = tracker.activated(active("1.10.0"));

        assertThat(decision).isEqualTo(new Decision(Action.UPGRADE, "1.9.0", "1.10.0"));
        assertThat(calls).containsExactly("installed", "upgraded(1.9.0)");
        assertThat(tracker().activated(active("1.10.0")).action()).isEqualTo(Action.NONE);
    }

    @Test
    void lowerVersionIsADowngradeWithoutHookAndIsRecorded() {
        LifecycleTracker tracker = tracker();
        tracker.activated(active("2.0.0"));

        Decision decision = tracker.activated(active("1.5.0"));

        assertThat(decision).isEqualTo(new Decision(Action.DOWNGRADE, "2.0.0", "1.5.0"));
        assertThat(calls).containsExactly("installed");
        assertThat(tracker.activated(active("2.0.0")).action()).isEqualTo(Action.UPGRADE);
    }

    @Test
    void removalCallsUninstalledAndForgetsTheExtension() {
        LifecycleTracker tracker = tracker();
        tracker.activated(active("1.0.0"));

        tracker.removing(List.of(active("1.0.0")));

        assertThat(calls).containsExactly("installed", "uninstalled");
        assertThat(tracker().activated(active("1.0.0")).action()).isEqualTo(Action.INSTALL);
    }

    @Test
    void failingHookIsRecordedAnyway() {
        hooksFail = true;
        tracker().activated(active("1.0.0"));

        assertThat(tracker().activated(active("1.0.0")).action()).isEqualTo(Action.NONE);
    }

    @Test
    void knownExtensionsAreWrittenAsCategorySlashNameWithVersionAndBundle() throws IOException {
        tracker().activated(active("1.2.0"));

        assertThat(Files.readString(data.resolve("extensions.json")).replaceAll("\\s", ""))
                .contains("\"servers/proxmox\":{").contains("\"version\":\"1.2.0\"");
        assertThat(tracker().known()).singleElement().satisfies(k -> {
            assertThat(k.path()).isEqualTo("servers/proxmox");
            assertThat(k.version()).isEqualTo("1.2.0");
            assertThat(k.symbolicName()).isEqualTo(active("1.2.0").symbolicName());
        });
    }

    @Test
    void theFileOfEarlierReleasesStillCountsAsKnown() throws IOException {
        Files.writeString(data.resolve("extensions.json"), "{\"servers/proxmox\": \"1.2.0\"}");

        assertThat(tracker().activated(active("1.2.0")).action()).isEqualTo(Action.NONE);
        assertThat(tracker().known()).extracting(k -> k.version()).containsExactly("1.2.0");
    }

    @Test
    void versionsThatAreNotOsgiVersionsCompareAsText() {
        assertThat(Decision.of("2024.01-beta", "2024.02-beta").action()).isEqualTo(Action.UPGRADE);
        assertThat(Decision.of("1.0.0", "1.0").action()).isEqualTo(Action.NONE);
        assertThat(Decision.of(null, "1.0").action()).isEqualTo(Action.INSTALL);
    }
}
