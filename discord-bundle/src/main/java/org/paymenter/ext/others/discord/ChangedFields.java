package org.paymenter.ext.others.discord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of an "Updated" embed (spec §2.14): the model's ID, then one field per changed attribute,
 * {@code "Attribute name": "old -> new"}.
 *
 * <p>Paymenter reads the changes from the model being saved; over the API the panel sends them as the
 * attributes' old values beside the model: {@code {"user": {...new...}, "original": {"email": "old@x"}}}.
 * An attribute is changed when its old value differs from the model's value, so sending the whole original
 * model works as well as sending only what changed.
 */
final class ChangedFields {

    static final String ORIGINAL_KEY = "original";
    static final String PASSWORD = "password";
    static final String HIDDEN_PASSWORD = "********";
    /** Never shown: timestamps are noise and the secrets are secrets (a password change shows as stars). */
    private static final Set<String> IGNORED = Set.of("created_at", "updated_at", PASSWORD, "remember_token");

    private final AdminLinks links;
    private final ObjectMapper json;

    ChangedFields(AdminLinks links, ObjectMapper json) {
        this.links = links;
        this.json = json;
    }

    List<EmbedField> of(NotifiedEvent event, EventModel model, EventModel original) {
        List<EmbedField> fields = new ArrayList<>();
        String id = model.text("id").orElse(null);
        fields.add(EmbedField.inline("ID", event.kind() == AdminLinks.Kind.USER ? AdminLinks.name(model)
                : links.model(event.kind(), id)));
        boolean passwordChanged = false;
        for (Map.Entry<String, Object> change : original.attributes().entrySet()) {
            String attribute = snakeCase(change.getKey());
            Object newValue = model.raw(attribute);
            if (same(change.getValue(), newValue)) {
                continue;
            }
            if (attribute.equals(PASSWORD)) {
                passwordChanged = true;
            } else if (!IGNORED.contains(attribute)) {
                fields.add(EmbedField.inline(label(attribute), renderOld(change.getValue()) + " -> " + render(newValue)));
            }
        }
        if (passwordChanged) {
            fields.add(EmbedField.inline("Password", HIDDEN_PASSWORD));
        }
        return fields;
    }

    /** Old values of an update, from the event's data. */
    static EventModel original(Map<String, Object> data) {
        return new EventModel(data).model(ORIGINAL_KEY);
    }

    /** {@code first_name} → "First name", as Paymenter labels attributes. */
    static String label(String snakeCase) {
        String words = snakeCase.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code firstName} → {@code first_name}, so camelCase panels get the same labels and exclusions. */
    static String snakeCase(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }

    /** Text as it is; anything else (numbers, booleans, null, lists) as JSON, as Paymenter shows new values. */
    /**
     * The old value as Paymenter writes it, by PHP's string conversion (spec §2.14: only the new value is
     * JSON-encoded): null and false are empty, true is 1. Lists and maps, which PHP would print as "Array",
     * are JSON.
     */
    private String renderOld(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return "";
        }
        if (Boolean.TRUE.equals(value)) {
            return "1";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value instanceof Number || value instanceof String ? value.toString() : render(value);
    }

    private String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** Equal values, with 5 and 5.0 equal: JSON numbers arrive as whatever Java type fits. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
