package org.paymenter.ext.api.config;

import java.util.List;
import java.util.Map;

/**
 * What validation produced: the values converted to their field types with defaults filled in, and every
 * error found. The values are only meaningful when there are no errors.
 */
public record ValidationResult(Map<String, Object> values, List<FieldError> errors) {

    public ValidationResult {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        errors = List.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
