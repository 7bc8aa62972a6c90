package org.paymenter.ext.core.api;

import org.paymenter.ext.api.Category;

/**
 * An extension the host has seen running, remembered across restarts: which version ran last and which
 * bundle provided it. This is how a stopped extension can still be named (started again, removed).
 */
public record KnownExtension(Category category, String name, String version, String symbolicName) {

    public String path() {
        return category.path() + "/" + name;
    }
}
