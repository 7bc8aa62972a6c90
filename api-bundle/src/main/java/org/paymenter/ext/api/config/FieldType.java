package org.paymenter.ext.api.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Paymenter's input types (spec §1.4), named in lowercase as Paymenter names them. */
public enum FieldType {
    TEXT, PASSWORD, EMAIL, NUMBER, TEXTAREA, MARKDOWN, SELECT, RADIO, TAGS, TIME, COLOR, FILE, CHECKBOX,
    /** Static text shown in the form; holds no value. */
    PLACEHOLDER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }

    /** Whether a field of this type takes a list of values rather than one. */
    boolean isList(boolean multiple) {
        return this == TAGS || (this == SELECT && multiple);
    }
}
