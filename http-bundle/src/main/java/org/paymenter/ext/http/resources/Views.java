package org.paymenter.ext.http.resources;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.FieldOption;
import org.paymenter.ext.core.api.Instance;

/** The JSON shapes of the API (camelCase), built explicitly so a contract change never leaks by accident. */
final class Views {

    private Views() {
    }

    static Map<String, Object> field(ConfigField f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", f.name());
        view.put("label", f.label());
        view.put("type", f.type().id());
        view.put("required", f.required());
        view.put("default", f.secret() ? null : f.defaultValue());
        view.put("description", f.description());
        view.put("options", f.options().stream().map((FieldOption o) -> Map.of("value", o.value(), "label", o.label()))
                .toList());
        view.put("multiple", f.multiple());
        view.put("secret", f.secret());
        view.put("min", plain(f.min()));
        view.put("max", plain(f.max()));
        view.put("rules", f.rules());
        view.put("live", f.live());
        view.put("advanced", f.advanced());
        return view;
    }

    static List<Map<String, Object>> fields(List<ConfigField> fields) {
        return fields.stream().map(Views::field).toList();
    }

    static Map<String, Object> instance(Instance i) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", i.id());
        view.put("category", i.category().path());
        view.put("extension", i.extension());
        view.put("name", i.name());
        Map<String, Object> config = new LinkedHashMap<>();
        i.values().forEach((k, v) -> config.put(k, v instanceof BigDecimal b ? b.stripTrailingZeros() : v));
        view.put("config", config);
        view.put("createdAt", i.createdAt().toString());
        view.put("updatedAt", i.updatedAt().toString());
        return view;
    }

    static Map<String, Object> items(List<?> items) {
        return Map.of("items", items);
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
