package org.paymenter.ext.core.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.runtime.deploy.FolderEntry;

/** The text of {@code ext:diag}: everything that is not running as it should, or a one-line all-clear. */
final class Diagnosis {

    private Diagnosis() {
    }

    /**
     * @param folderDir  the bundles folder
     * @param entries    its jars
     * @param components components of its bundles (and the core's) that are not running; null when SCR's
     *                   runtime service is missing
     * @param extensions the registry's listing
     */
    static String render(Path folderDir, List<FolderEntry> entries, List<ComponentProblem> components,
            List<ExtensionInfo> extensions) {
        List<String> sections = new ArrayList<>();
        List<FolderEntry> inactive = entries.stream().filter(e -> !e.isRunning()).toList();
        if (!inactive.isEmpty()) {
            sections.add("jars in " + folderDir + " that are not active:\n"
                    + ExtensionViews.folderTable(inactive).render());
        }
        if (components == null) {
            sections.add("components: not checked (the Declarative Services runtime service is missing)");
        } else if (!components.isEmpty()) {
            TextTable table = new TextTable("BUNDLE", "COMPONENT", "PROBLEM");
            components.forEach(c -> table.row(c.symbolicName() + " (" + c.bundleId() + ")", c.component(),
                    c.problem()));
            sections.add("components not running:\n" + table.render());
        }
        List<ExtensionInfo> unused = extensions.stream().filter(e -> !e.isActive()).toList();
        if (!unused.isEmpty()) {
            TextTable table = new TextTable("EXTENSION", "STATE", "BUNDLE", "PROBLEM");
            unused.forEach(e -> table.row(e.path(), e.state(), e.symbolicName() + " (" + e.bundleId() + ")",
                    e.problem()));
            sections.add("extensions not in use:\n" + table.render());
        }
        if (sections.isEmpty()) {
            return "all " + entries.size() + " bundles in " + folderDir + " are active";
        }
        return String.join("\n\n", sections);
    }
}
