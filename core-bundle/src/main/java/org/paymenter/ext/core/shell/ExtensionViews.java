package org.paymenter.ext.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.core.api.KnownExtension;
import org.paymenter.ext.runtime.deploy.FolderEntry;

/** The text of {@code ext:list} and {@code ext:info}. */
final class ExtensionViews {

    private static final String HIDDEN = "(hidden)";

    private final ExtensionRegistry registry;
    private final ExtensionInvoker invoker;

    ExtensionViews(ExtensionRegistry registry, ExtensionInvoker invoker) {
        this.registry = registry;
        this.invoker = invoker;
    }

    /**
     * The running extensions, then those that ran before and whose jar is in the folder but not active
     * (stopped by an operator, failing to start), then the folder's other jars that are not active.
     *
     * @param folder the folder's entries, or null when the folder service is missing
     * @param known  the extensions that ran before (the extension history), or an empty list
     */
    String list(List<FolderEntry> folder, List<KnownExtension> known) {
        StringBuilder out = new StringBuilder();
        List<ExtensionInfo> extensions = registry.list();
        List<FolderEntry> inactive = folder == null ? List.of()
                : new ArrayList<>(folder.stream().filter(e -> !e.isRunning()).toList());
        TextTable table = new TextTable("CATEGORY", "NAME", "VERSION", "STATE", "BUNDLE", "PROBLEM");
        extensions.forEach(e -> table.row(e.category(), e.name(), e.version(), e.state(),
                e.symbolicName() + " (" + e.bundleId() + ")", e.problem()));
        int rows = extensions.size();
        for (KnownExtension k : known) {
            if (registry.find(k.category(), k.name()).isPresent()) {
                continue;
            }
            Optional<FolderEntry> jar = inactive.stream().filter(e -> k.symbolicName().equals(e.symbolicName()))
                    .findFirst();
            if (jar.isPresent()) {
                FolderEntry e = jar.get();
                table.row(k.category(), k.name(), k.version(), e.state(),
                        k.symbolicName() + (e.bundleId() >= 0 ? " (" + e.bundleId() + ")" : ""), e.reason());
                inactive.remove(e);
                rows++;
            }
        }
        out.append(rows == 0 ? "no extensions are running" : table.render());
        if (folder == null) {
            out.append("\n\nthe bundles folder service is not available");
        } else if (!inactive.isEmpty()) {
            out.append("\n\njars not active:\n").append(folderTable(inactive).render());
        }
        return out.toString();
    }

    static TextTable folderTable(List<FolderEntry> entries) {
        TextTable table = new TextTable("FILE", "SYMBOLIC NAME", "VERSION", "STATE", "BUNDLE", "REASON");
        entries.forEach(e -> table.row(e.file(), e.symbolicName(), e.version(), e.state(),
                e.bundleId() >= 0 ? e.bundleId() : "", e.reason()));
        return table;
    }

    /** @param instances the instance service, or null when it is not running */
    String info(String nameOrPath, InstanceService instances) {
        ExtensionInfo info = Lookups.extension(registry, nameOrPath);
        ExtensionMetadata meta = info.metadata();
        TextTable about = TextTable.withoutHeader(2)
                .row("extension", info.path())
                .row("display name", meta.displayName())
                .row("version", meta.version())
                .row("description", meta.description())
                .row("author", meta.author())
                .row("url", meta.url())
                .row("state", info.state())
                .row("bundle", info.symbolicName() + " " + info.bundleVersion() + " (" + info.bundleId() + ")")
                .row("capabilities", info.capabilities().isEmpty() ? "none"
                        : String.join(", ", info.capabilities().stream().sorted().toList()))
                .row("instances", instances == null ? "unknown (the instance service is not running)"
                        : instances.list(info.category(), info.name()).size());
        return about.render() + "\n\nconfig fields:\n" + fields(info);
    }

    private String fields(ExtensionInfo info) {
        List<ConfigField> schema;
        try {
            schema = invoker.call(info.category(), info.name(), Extension.class, Extension::configSchema);
        } catch (InvocationException e) {
            return "unavailable: " + e.getMessage();
        }
        if (schema.isEmpty()) {
            return "none";
        }
        TextTable table = new TextTable("NAME", "TYPE", "REQUIRED", "SECRET", "DEFAULT");
        schema.forEach(f -> table.row(f.name(), f.type().id() + (f.isList() ? " (list)" : ""), yesNo(f.required()),
                yesNo(f.secret()), f.secret() && f.defaultValue() != null ? HIDDEN
                        : Objects.toString(f.defaultValue(), "")));
        return table.render();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
