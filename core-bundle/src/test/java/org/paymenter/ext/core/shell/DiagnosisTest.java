package org.paymenter.ext.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionInfo.State;
import org.paymenter.ext.runtime.deploy.FolderEntry;

class DiagnosisTest {

    private static final Path FOLDER = Path.of("/srv/bundles");

    private static FolderEntry entry(String file, FolderEntry.State state, String reason) {
        return new FolderEntry(file, "org." + file, "1.0.0", state, state == FolderEntry.State.ACTIVE ? 10 : -1,
                reason);
    }

    private static ExtensionInfo extension(State state, String problem) {
        return new ExtensionInfo(Category.SERVERS, "proxmox", ExtensionMetadata.of("proxmox", "", "", "1.0.0", ""),
                11, "org.b", "1.0.0", state, Set.of(), problem);
    }

    @Test
    void everythingActiveIsOneLine() {
        String text = Diagnosis.render(FOLDER, List.of(entry("a.jar", FolderEntry.State.ACTIVE, ""),
                entry("b.jar", FolderEntry.State.ACTIVE, "")), List.of(), List.of(extension(State.ACTIVE, "")));

        assertThat(text).isEqualTo("all 2 bundles in /srv/bundles are active");
    }

    @Test
    void reportsInactiveJarsFailedComponentsAndConflicts() {
        String text = Diagnosis.render(FOLDER,
                List.of(entry("a.jar", FolderEntry.State.ACTIVE, ""),
                        entry("b.jar", FolderEntry.State.FAILED, "missing requirement osgi.wiring.package=x")),
                List.of(new ComponentProblem("org.a", 10, "org.a.Proxmox", "unsatisfied references: client")),
                List.of(extension(State.CONFLICT, "name 'proxmox' is already provided by bundle org.a (10)")));

        assertThat(text).contains("b.jar", "FAILED", "missing requirement osgi.wiring.package=x")
                .contains("org.a (10)", "org.a.Proxmox", "unsatisfied references: client")
                .contains("servers/proxmox", "CONFLICT", "already provided by bundle org.a (10)")
                .doesNotContain("a.jar  org.a.jar");
    }

    @Test
    void missingComponentRuntimeIsSaidRatherThanIgnored() {
        assertThat(Diagnosis.render(FOLDER, List.of(), null, List.of()))
                .isEqualTo("components: not checked (the Declarative Services runtime service is missing)");
    }
}
