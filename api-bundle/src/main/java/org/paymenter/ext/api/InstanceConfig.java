package org.paymenter.ext.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of one instance of an extension (one Proxmox cluster, one Stripe account),
 * with secrets already decrypted. Values have the Java type their field declares: {@code String},
 * {@link BigDecimal} for numbers, {@code Boolean} for checkboxes, {@code List<String>} for multiple
 * selects and tags.
 *
 * @param id     the instance id the host assigned
 * @param name   the admin's name for it ("eu-1")
 * @param values field name to value; fields without a value are absent
 */
public record InstanceConfig(String id, String name, Map<String, Object> values) {

    public InstanceConfig {
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, id);
        values = Map.copyOf(Objects.requireNonNullElse(values, Map.of()));
    }

    public Optional<Object> value(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** The value as text, or {@code fallback} when the field is unset. */
    public String string(String field, String fallback) {
        Object v = values.get(field);
        return v == null ? fallback : v.toString();
    }

    /** The value as text; an {@link ExtensionException} naming the field when it is unset. */
    public String requireString(String field) {
        Object v = values.get(field);
        if (v == null || v.toString().isBlank()) {
            throw new ExtensionException("instance '" + name + "' has no value for '" + field + "'");
        }
        return v.toString();
    }

    public int integer(String field, int fallback) {
        Object v = values.get(field);
        if (v == null) {
            return fallback;
        }
        return v instanceof Number n ? n.intValue() : new BigDecimal(v.toString().trim()).intValueExact();
    }

    public boolean bool(String field, boolean fallback) {
        Object v = values.get(field);
        if (v == null) {
            return fallback;
        }
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String field) {
        Object v = values.get(field);
        if (v == null) {
            return List.of();
        }
        return v instanceof List<?> l ? (List<String>) l : List.of(v.toString());
    }

    /** Never prints values: secrets may be among them. */
    @Override
    public String toString() {
        return "InstanceConfig[id=" + id + ", name=" + name + ", fields=" + values.keySet() + "]";
    }
}
