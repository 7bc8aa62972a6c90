package org.paymenter.ext.api.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One field of an extension's config form or product form (Paymenter's descriptor, spec §1.4).
 * Build one with the typed factories: {@code ConfigField.text("host").label("Host").required().build()}.
 *
 * @param name         the key the value is stored under
 * @param label        what the admin sees; defaults to the name
 * @param type         the input type
 * @param required     whether a value must be given (a default satisfies it)
 * @param defaultValue used when no value is submitted; may be null
 * @param description  helper text
 * @param options      the choices of a select or radio field (empty: any value, e.g. live options unavailable)
 * @param multiple     a select that takes several values
 * @param secret       stored encrypted and never shown again (API keys, passwords)
 * @param min          smallest allowed number (number fields), or null
 * @param max          largest allowed number (number fields), or null
 * @param rules        extra checks: {@code url}, {@code integer}, {@code json}, {@code regex:<pattern>}
 * @param live         the form is re-rendered when this value changes (dependent options)
 * @param advanced     hidden behind "advanced" in forms; has a working default (e.g. an {@code api_base})
 */
public record ConfigField(String name, String label, FieldType type, boolean required, Object defaultValue,
        String description, List<FieldOption> options, boolean multiple, boolean secret, BigDecimal min,
        BigDecimal max, List<String> rules, boolean live, boolean advanced) {

    /** The rules {@link ConfigValidator} understands; anything else is an author's mistake. */
    static final List<String> KNOWN_RULES = List.of("url", "integer", "json", "regex:");

    public ConfigField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("field name must not be blank");
        }
        label = label == null || label.isBlank() ? name : label;
        description = Objects.requireNonNullElse(description, "");
        options = List.copyOf(Objects.requireNonNullElse(options, List.of()));
        rules = List.copyOf(Objects.requireNonNullElse(rules, List.of()));
        for (String rule : rules) {
            if (KNOWN_RULES.stream().noneMatch(k -> k.endsWith(":") ? rule.startsWith(k) : rule.equals(k))) {
                throw new IllegalArgumentException("field '" + name + "' has unknown rule '" + rule
                        + "'; known: " + KNOWN_RULES);
            }
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("field '" + name + "' has min > max");
        }
    }

    /** Whether the field holds a list of values (tags, multiple select). */
    public boolean isList() {
        return type.isList(multiple);
    }

    public static Builder text(String name) {
        return new Builder(name, FieldType.TEXT);
    }

    /** A masked field whose value is a secret (stored encrypted, never returned). */
    public static Builder password(String name) {
        return new Builder(name, FieldType.PASSWORD).secret();
    }

    public static Builder email(String name) {
        return new Builder(name, FieldType.EMAIL);
    }

    /** A text field that must hold an http(s) URL. */
    public static Builder url(String name) {
        return new Builder(name, FieldType.TEXT).rule("url");
    }

    public static Builder number(String name) {
        return new Builder(name, FieldType.NUMBER);
    }

    public static Builder textarea(String name) {
        return new Builder(name, FieldType.TEXTAREA);
    }

    public static Builder select(String name, FieldOption... options) {
        return new Builder(name, FieldType.SELECT).options(Arrays.asList(options));
    }

    public static Builder checkbox(String name) {
        return new Builder(name, FieldType.CHECKBOX);
    }

    public static Builder tags(String name) {
        return new Builder(name, FieldType.TAGS);
    }

    public static Builder of(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** Mutable helper for the record's many optional parts. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String label;
        private boolean required;
        private Object defaultValue;
        private String description;
        private final List<FieldOption> options = new ArrayList<>();
        private boolean multiple;
        private boolean secret;
        private BigDecimal min;
        private BigDecimal max;
        private final List<String> rules = new ArrayList<>();
        private boolean live;
        private boolean advanced;

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder options(List<FieldOption> options) {
            this.options.addAll(options);
            return this;
        }

        public Builder option(String value, String label) {
            this.options.add(new FieldOption(value, label));
            return this;
        }

        public Builder multiple() {
            this.multiple = true;
            return this;
        }

        public Builder secret() {
            this.secret = true;
            return this;
        }

        public Builder min(long min) {
            this.min = BigDecimal.valueOf(min);
            return this;
        }

        public Builder max(long max) {
            this.max = BigDecimal.valueOf(max);
            return this;
        }

        public Builder rule(String rule) {
            this.rules.add(rule);
            return this;
        }

        public Builder live() {
            this.live = true;
            return this;
        }

        public Builder advanced() {
            this.advanced = true;
            return this;
        }

        public ConfigField build() {
            return new ConfigField(name, label, type, required, defaultValue, description, options, multiple,
                    secret, min, max, rules, live, advanced);
        }
    }
}
