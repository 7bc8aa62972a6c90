package org.paymenter.ext.core.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.paymenter.ext.api.Category;

/**
 * The extensions that ran here and have not been uninstalled since, whether they run now or not (stopped
 * by an operator, failing to start). Kept in {@code <data>/extensions.json}.
 */
@ProviderType
public interface ExtensionHistory {

    List<KnownExtension> list();

    Optional<KnownExtension> find(Category category, String name);
}
