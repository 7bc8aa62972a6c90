package org.paymenter.ext.core.registry;

import java.util.Objects;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;

/**
 * One extension service as registered in the framework: what the registry needs from its service
 * reference, so that the conflict rule can be exercised without a framework.
 *
 * @param serviceId     {@code service.id}; the lower one wins a name conflict
 * @param componentName {@code component.name}, used to name an extension whose metadata cannot be read; may be null
 */
public record Registration(long serviceId, Category category, Extension service, long bundleId,
        String symbolicName, String bundleVersion, String componentName) {

    public Registration {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(service, "service");
    }
}
