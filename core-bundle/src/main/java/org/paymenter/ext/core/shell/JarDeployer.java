package org.paymenter.ext.core.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.paymenter.ext.core.api.BundleDeployments;
import org.paymenter.ext.core.api.DeploymentException;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.core.api.ExtensionHistory;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.KnownExtension;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.deploy.FolderEntry;

/**
 * The shell's side of {@link BundleDeployments}: turns what an operator types (a path, an extension name,
 * a symbolic name or a bundle id) into a deployment and its outcome into a line of text.
 */
final class JarDeployer {

    private final BundleDeployments deployments;
    private final BundleFolder folder;
    private final ExtensionRegistry registry;
    private final ExtensionHistory history;

    /** @param history the extensions that ran before, so a stopped one can be named; null when unavailable */
    JarDeployer(BundleDeployments deployments, BundleFolder folder, ExtensionRegistry registry,
            ExtensionHistory history) {
        this.deployments = deployments;
        this.folder = folder;
        this.registry = registry;
        this.history = history;
    }

    String install(String pathText) {
        return run(() -> deployments.install(path(pathText)).message());
    }

    String upgrade(String pathText) {
        return run(() -> deployments.upgrade(path(pathText)).message());
    }

    String uninstall(String target) {
        return run(() -> deployments.uninstall(symbolicName(target)).message());
    }

    String start(String target) {
        return run(() -> deployments.start(symbolicName(target)).message());
    }

    String stop(String target) {
        return run(() -> deployments.stop(symbolicName(target)).message());
    }

    /** The symbolic name of the folder bundle named by an extension, a symbolic name or a bundle id. */
    String symbolicName(String target) {
        String text = target == null ? "" : target.trim();
        List<FolderEntry> entries = folder.entries();
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            long id = Long.parseLong(text);
            return entries.stream().filter(e -> e.bundleId() == id && e.symbolicName() != null).findFirst()
                    .map(FolderEntry::symbolicName)
                    .orElseThrow(() -> new CommandException("no bundle with id " + id + " is installed from "
                            + folder.directory()));
        }
        if (entries.stream().anyMatch(e -> text.equals(e.symbolicName()))) {
            return text;
        }
        Optional<String> extension = findExtension(text).map(ExtensionInfo::symbolicName)
                .or(() -> findStoppedExtension(text));
        if (extension.isPresent() && entries.stream().anyMatch(e -> extension.get().equals(e.symbolicName()))) {
            return extension.get();
        }
        throw new CommandException("'" + text + "' is neither an extension, a symbolic name nor a bundle id of "
                + "a jar in " + folder.directory());
    }

    private Optional<ExtensionInfo> findExtension(String text) {
        try {
            return registry.find(text);
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /** The bundle that last ran the extension {@code name} or {@code category/name}, if only one did. */
    private Optional<String> findStoppedExtension(String text) {
        if (history == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        Optional<Category> category = slash < 0 ? Optional.empty() : Category.fromPath(text.substring(0, slash));
        if (slash >= 0 && category.isEmpty()) {
            return Optional.empty();
        }
        String name = slash < 0 ? text : text.substring(slash + 1);
        List<String> candidates = history.list().stream()
                .filter(k -> k.name().equals(name) && category.map(c -> c == k.category()).orElse(true))
                .map(KnownExtension::symbolicName).filter(s -> !s.isEmpty()).distinct().toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static String run(java.util.function.Supplier<String> action) {
        try {
            return action.get();
        } catch (DeploymentException e) {
            String hint = switch (e.kind()) {
                case ALREADY_INSTALLED -> e.getMessage().endsWith(")") ? "; use ext:upgrade" : "";
                case NOT_INSTALLED -> e.getMessage().endsWith(" is not installed") ? "; use ext:install" : "";
                default -> "";
            };
            throw new CommandException(e.getMessage() + hint, e);
        }
    }

    private static Path path(String text) {
        if (text == null || text.isBlank()) {
            throw new CommandException("give the path of a jar file");
        }
        return Path.of(text.trim()).toAbsolutePath().normalize();
    }
}
