package org.paymenter.ext.core.api;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.paymenter.ext.api.Category;

/**
 * A configured instance of an extension (Paymenter's "server" or "gateway" entry), as shown to admins.
 * It never holds a secret: every secret field that has a value appears in {@code values} as {@link #SECRET_SET}.
 *
 * @param id        short random URL-safe id, stable for the instance's life
 * @param category  the extension's category
 * @param extension the extension's name
 * @param name      the admin's name for it, unique per extension ("eu-1")
 * @param values    field name to value, sorted by field name; secrets as {@link #SECRET_SET}
 */
public record Instance(String id, Category category, String extension, String name, Map<String, Object> values,
        Instant createdAt, Instant updatedAt) {

    /** What a secret field that has a value shows instead of the value. */
    public static final String SECRET_SET = "set";

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(name, "name");
        values = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNullElse(values, Map.of())));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** {@code servers/proxmox}. */
    public String extensionPath() {
        return category.path() + "/" + extension;
    }
}
