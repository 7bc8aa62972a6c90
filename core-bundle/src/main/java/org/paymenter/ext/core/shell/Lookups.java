package org.paymenter.ext.core.shell;

import java.util.List;
import java.util.Optional;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceService;

/** Turns what an operator typed into the extension or instance it names, or a {@link CommandException}. */
final class Lookups {

    /** An extension's category and name, whether or not it is running. */
    record ExtensionRef(Category category, String name) {
        String path() {
            return category.path() + "/" + name;
        }
    }

    private Lookups() {
    }

    /** The running extension named {@code proxmox} or {@code servers/proxmox}. */
    static ExtensionInfo extension(ExtensionRegistry registry, String nameOrPath) {
        return find(registry, nameOrPath).orElseThrow(() -> new CommandException(
                "no extension '" + text(nameOrPath) + "' is running; see ext:list"));
    }

    /**
     * The extension named by {@code nameOrPath}: a running one, or one that only has instances (its bundle
     * may be stopped).
     */
    static ExtensionRef extensionRef(ExtensionRegistry registry, InstanceService instances, String nameOrPath) {
        String text = text(nameOrPath);
        Optional<ExtensionInfo> running = find(registry, text);
        if (running.isPresent()) {
            return new ExtensionRef(running.get().category(), running.get().name());
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return new ExtensionRef(Category.fromPath(text.substring(0, slash)).orElseThrow(),
                    text.substring(slash + 1));
        }
        List<Category> withInstances = instances.list().stream().filter(i -> i.extension().equals(text))
                .map(Instance::category).distinct().toList();
        if (withInstances.size() == 1) {
            return new ExtensionRef(withInstances.get(0), text);
        }
        throw new CommandException(withInstances.isEmpty()
                ? "no extension '" + text + "' is running; see ext:list"
                : "'" + text + "' has instances in " + withInstances + "; give it as category/name");
    }

    /** The instance with id {@code idOrName}, or else the only one of that name. */
    static Instance instance(InstanceService instances, String idOrName) {
        String text = text(idOrName, "an instance id or name");
        Optional<Instance> byId = instances.get(text);
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Instance> named = instances.list().stream().filter(i -> i.name().equals(text)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        throw new CommandException(named.isEmpty() ? "no instance has the id or name '" + text + "'"
                : "several instances are named '" + text + "' (" + String.join(", ", named.stream()
                        .map(i -> i.extensionPath() + " " + i.id()).toList()) + "); give the id");
    }

    private static Optional<ExtensionInfo> find(ExtensionRegistry registry, String nameOrPath) {
        try {
            return registry.find(text(nameOrPath));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static String text(String value) {
        return text(value, "an extension, e.g. proxmox or servers/proxmox");
    }

    private static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new CommandException("give " + what);
        }
        return value.trim();
    }
}
