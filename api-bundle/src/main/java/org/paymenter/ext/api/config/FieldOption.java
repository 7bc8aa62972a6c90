package org.paymenter.ext.api.config;

import java.util.Objects;

/** One choice of a select or radio field: the stored value and what the admin sees. */
public record FieldOption(String value, String label) {

    public FieldOption {
        Objects.requireNonNull(value, "value");
        label = label == null ? value : label;
    }

    public static FieldOption of(String valueAndLabel) {
        return new FieldOption(valueAndLabel, valueAndLabel);
    }
}
