package org.paymenter.ext.core.instances;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.core.api.Instance;

/**
 * An instance as kept in memory and on disk.
 *
 * @param values  the values of the fields that are not secret
 * @param secrets secret field name to its {@code enc:v1:} ciphertext
 */
record StoredInstance(String id, Category category, String extension, String name, Map<String, Object> values,
        Map<String, String> secrets, Instant createdAt, Instant updatedAt) {

    StoredInstance {
        values = Map.copyOf(values);
        secrets = Map.copyOf(secrets);
    }

    String extensionPath() {
        return category.path() + "/" + extension;
    }

    /** The public view: secrets that are set show as {@link Instance#SECRET_SET}. */
    Instance toInstance() {
        Map<String, Object> shown = new HashMap<>(values);
        secrets.keySet().forEach(field -> shown.put(field, Instance.SECRET_SET));
        return new Instance(id, category, extension, name, shown, createdAt, updatedAt);
    }

    /** Never prints values or ciphertexts. */
    @Override
    public String toString() {
        return "StoredInstance[id=" + id + ", " + extensionPath() + ", name=" + name + "]";
    }
}
