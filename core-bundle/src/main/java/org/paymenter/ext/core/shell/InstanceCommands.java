package org.paymenter.ext.core.shell;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.TestResult;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.core.api.InstanceValidationException;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.core.shell.Lookups.ExtensionRef;

/** The text of {@code ext:instances}, {@code ext:config} and {@code ext:test}. */
final class InstanceCommands {

    private final ExtensionRegistry registry;
    private final InstanceService instances;
    private final ExtensionInvoker invoker;

    InstanceCommands(ExtensionRegistry registry, InstanceService instances, ExtensionInvoker invoker) {
        this.registry = registry;
        this.instances = instances;
        this.invoker = invoker;
    }

    /** @param extension an extension to list the instances of, or null for all */
    String list(String extension) {
        List<Instance> shown;
        if (extension == null) {
            shown = instances.list();
        } else {
            ExtensionRef ref = Lookups.extensionRef(registry, instances, extension);
            shown = instances.list(ref.category(), ref.name());
        }
        if (shown.isEmpty()) {
            return extension == null ? "no instances" : "no instances of " + extension;
        }
        TextTable table = new TextTable("ID", "EXTENSION", "NAME", "UPDATED");
        shown.forEach(i -> table.row(i.id(), i.extensionPath(), i.name(),
                i.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
        return table.render();
    }

    /**
     * Shows an instance, or creates / updates it from {@code key=value} pairs. An update starts from the
     * stored values, so only the keys given change; {@code key=} clears a field (a secret keeps its value).
     */
    String config(String extension, String instanceName, String... pairs) {
        ExtensionRef ref = Lookups.extensionRef(registry, instances, extension);
        if (instanceName == null || instanceName.isBlank()) {
            throw new CommandException("give the instance name");
        }
        Optional<Instance> existing = instances.findByName(ref.category(), ref.name(), instanceName);
        if (pairs == null || pairs.length == 0) {
            return show(existing.orElseThrow(() -> new CommandException(ref.path() + " has no instance named '"
                    + instanceName + "'")));
        }
        Map<String, String> changes = parse(pairs);
        try {
            if (existing.isEmpty()) {
                return "created\n" + show(instances.create(ref.category(), ref.name(), instanceName,
                        new LinkedHashMap<>(changes)));
            }
            // Secrets read back as "set", which the update takes as "keep the stored value".
            Map<String, Object> merged = new HashMap<>(existing.get().values());
            merged.putAll(changes);
            return "updated\n" + show(instances.update(existing.get().id(), null, merged));
        } catch (InstanceValidationException e) {
            StringBuilder out = new StringBuilder("error: invalid config for " + ref.path() + "; nothing changed");
            e.errors().forEach(error -> out.append("\n  ").append(error.field()).append(": ").append(error.message()));
            return out.toString();
        }
    }

    /** What {@code ext:config <extension>} without an instance name answers: how to go on. */
    String usage(String extension) {
        ExtensionRef ref = Lookups.extensionRef(registry, instances, extension);
        List<String> names = instances.list(ref.category(), ref.name()).stream().map(Instance::name).toList();
        return "give an instance name: ext:config " + ref.name() + " <instance name> [key=value ...]\n"
                + (names.isEmpty() ? ref.path() + " has no instances yet" : "instances of " + ref.path() + ": "
                        + String.join(", ", names))
                + "; ext:info " + ref.name() + " lists its config fields";
    }

    String test(String idOrName) {
        Instance instance = Lookups.instance(instances, idOrName);
        if (instance.category() != Category.SERVERS) {
            throw new CommandException("instance " + instance.name() + " is a " + instance.category()
                    + " instance; only server instances have a connection test");
        }
        InstanceConfig config = instances.config(instance.id());
        try {
            TestResult result = invoker.call(Category.SERVERS, instance.extension(), ServerExtension.class,
                    server -> server.testConnection(config));
            if (result == null) {
                return "failed: " + instance.extensionPath() + " returned no result";
            }
            return (result.ok() ? "ok: " : "failed: ") + result.message();
        } catch (InvocationException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static String show(Instance instance) {
        TextTable table = TextTable.withoutHeader(2)
                .row("id", instance.id())
                .row("extension", instance.extensionPath())
                .row("name", instance.name())
                .row("created", instance.createdAt().truncatedTo(ChronoUnit.SECONDS))
                .row("updated", instance.updatedAt().truncatedTo(ChronoUnit.SECONDS));
        instance.values().forEach((key, value) -> table.row("  " + key, value));
        return table.render();
    }

    private static Map<String, String> parse(String... pairs) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair == null ? -1 : pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandException("'" + pair + "' is not key=value");
            }
            String key = pair.substring(0, eq).trim();
            if (parsed.put(key, pair.substring(eq + 1)) != null) {
                throw new CommandException("'" + key + "' is given twice");
            }
        }
        return parsed;
    }
}
