package org.paymenter.ext.others.discord;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A panel model (user, order, invoice, ...) as the panel sent it in an event's data. Paymenter's attributes
 * are snake_case ({@code first_name}); a panel speaking this runtime's camelCase ({@code firstName}) is
 * understood too, so every lookup takes the snake_case name and tries both spellings.
 */
record EventModel(Map<String, Object> values) {

    static final EventModel EMPTY = new EventModel(Map.of());

    EventModel {
        values = values == null ? Map.of() : values;
    }

    /**
     * The model under {@code key} in an event's data ({@code {"user": {...}}}); when the data has no such
     * key but an {@code id} of its own, the data itself is the model.
     */
    static EventModel in(Map<String, Object> data, String key) {
        EventModel event = new EventModel(data);
        EventModel nested = event.model(key);
        if (!nested.values().isEmpty()) {
            return nested;
        }
        return event.text("id").isPresent() ? event : EMPTY;
    }

    /** The raw value of an attribute, null when absent. */
    Object raw(String name) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        return values.get(camelCase(name));
    }

    boolean has(String name) {
        return values.containsKey(name) || values.containsKey(camelCase(name));
    }

    /** A scalar attribute as text (numbers without exponent); empty when absent, null, blank or not a scalar. */
    Optional<String> text(String name) {
        Object value = raw(name);
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal.toPlainString());
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            String text = value.toString();
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        }
        return Optional.empty();
    }

    String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /** A nested model; {@link #EMPTY} when absent or not an object. */
    @SuppressWarnings("unchecked")
    EventModel model(String name) {
        return raw(name) instanceof Map<?, ?> map ? new EventModel((Map<String, Object>) map) : EMPTY;
    }

    /** A list of nested models; objects only, in order. */
    @SuppressWarnings("unchecked")
    List<EventModel> models(String name) {
        if (!(raw(name) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> new EventModel((Map<String, Object>) m)).toList();
    }

    /** The model's attributes in their order, for walking the changes of an update. */
    Map<String, Object> attributes() {
        return new LinkedHashMap<>(values);
    }

    /** {@code first_name} becomes {@code firstName}. */
    static String camelCase(String snake) {
        StringBuilder camel = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }
}
