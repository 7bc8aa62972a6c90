package org.paymenter.ext.core.instances;

import java.util.List;
import java.util.Optional;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.config.ConfigField;

/** The config schema of a running extension; empty when no extension of that category/name is running. */
@FunctionalInterface
public interface SchemaSource {

    Optional<List<ConfigField>> schema(Category category, String extension);
}
