package org.paymenter.ext.core.invoke;

import java.util.Optional;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;

/** Where the invoker finds the live object serving a category/name (the registry, or a map in tests). */
@FunctionalInterface
public interface ExtensionSource {

    Optional<Extension> serving(Category category, String name);
}
