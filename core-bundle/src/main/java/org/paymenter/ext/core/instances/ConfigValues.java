package org.paymenter.ext.core.instances;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives values read back from JSON the Java types {@link org.paymenter.ext.api.InstanceConfig} promises:
 * JSON reads 8006 as an Integer, but a number field's value is a {@link BigDecimal}.
 */
final class ConfigValues {

    private ConfigValues() {
    }

    static Object fromJson(Object value) {
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigValues::fromJson).toList();
        }
        return value;
    }

    static Map<String, Object> fromJson(Map<String, Object> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                typed.put(k, fromJson(v));
            }
        });
        return typed;
    }
}
