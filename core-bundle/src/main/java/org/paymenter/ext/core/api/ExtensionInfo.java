package org.paymenter.ext.core.api;

import java.util.Objects;
import java.util.Set;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.ExtensionMetadata;

/**
 * One extension service as the registry sees it.
 *
 * @param category      its kind
 * @param name          {@code metadata().name()}; for a {@link State#BROKEN} extension, whose metadata could
 *                      not be read, its DS component name (or {@code service.<id>})
 * @param metadata      what it says about itself; null only when {@code state} is {@link State#BROKEN}
 * @param bundleId      the providing bundle's id
 * @param symbolicName  the providing bundle's symbolic name
 * @param bundleVersion the providing bundle's version
 * @param state         whether it is the one that serves its name
 * @param capabilities  optional features: {@code upgrade}, {@code loginUrl}, {@code actions}, {@code refunds},
 *                      {@code billingAgreements}, {@code routes}
 * @param problem       why it is not serving, in a sentence; empty when it is {@link State#ACTIVE}
 */
public record ExtensionInfo(Category category, String name, ExtensionMetadata metadata, long bundleId,
        String symbolicName, String bundleVersion, State state, Set<String> capabilities, String problem) {

    public enum State {
        /** Serves its category/name; the one {@link ExtensionInvoker} calls. */
        ACTIVE,
        /** Another bundle registered the same category/name first; never invoked until that one goes away. */
        CONFLICT,
        /** Its {@code metadata()} failed, so it has no usable name; never invoked. */
        BROKEN
    }

    public ExtensionInfo {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        capabilities = Set.copyOf(Objects.requireNonNullElse(capabilities, Set.of()));
        problem = Objects.requireNonNullElse(problem, "");
        symbolicName = Objects.requireNonNullElse(symbolicName, "");
        bundleVersion = Objects.requireNonNullElse(bundleVersion, "");
    }

    /** {@code servers/proxmox}: how the shell and the logs name it. */
    public String path() {
        return category.path() + "/" + name;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /** The extension's own version, or empty when its metadata could not be read. */
    public String version() {
        return metadata == null ? "" : metadata.version();
    }
}
