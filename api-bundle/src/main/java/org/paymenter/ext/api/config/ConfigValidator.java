package org.paymenter.ext.api.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks submitted values against a list of {@link ConfigField}s and converts them to their field types.
 * Values may arrive as JSON types or as text (from the shell): {@code "8006"} is a valid number and
 * {@code "true"}/{@code "1"} a valid checkbox. Every problem is reported, not just the first.
 */
public final class ConfigValidator {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> TRUE = Set.of("true", "1", "on", "yes");
    private static final Set<String> FALSE = Set.of("false", "0", "off", "no", "");

    private ConfigValidator() {
    }

    public static ValidationResult validate(List<ConfigField> schema, Map<String, ?> input) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> known = schema.stream().map(ConfigField::name).collect(Collectors.toSet());
        input.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(k -> errors.add(
                new FieldError(k, k + " is not a field of this extension; fields are " + sortedNames(schema))));

        for (ConfigField field : schema) {
            if (field.type() == FieldType.PLACEHOLDER) {
                continue;
            }
            Object raw = input.get(field.name());
            if (isEmpty(raw)) {
                raw = field.defaultValue();
            }
            if (isEmpty(raw)) {
                if (field.required()) {
                    errors.add(new FieldError(field.name(), field.label() + " is required"));
                }
                continue;
            }
            int before = errors.size();
            Object value = convert(field, raw, errors);
            if (errors.size() == before) {
                checkRules(field, value, errors);
            }
            if (errors.size() == before) {
                values.put(field.name(), value);
            }
        }
        return new ValidationResult(values, errors);
    }

    private static Object convert(ConfigField field, Object raw, List<FieldError> errors) {
        String label = field.label();
        switch (field.type()) {
            case NUMBER -> {
                BigDecimal n = toNumber(raw);
                if (n == null) {
                    errors.add(new FieldError(field.name(), label + " must be a number"));
                    return null;
                }
                if (field.min() != null && n.compareTo(field.min()) < 0) {
                    errors.add(new FieldError(field.name(), label + " must be at least " + field.min().toPlainString()));
                } else if (field.max() != null && n.compareTo(field.max()) > 0) {
                    errors.add(new FieldError(field.name(), label + " must be at most " + field.max().toPlainString()));
                }
                return n;
            }
            case CHECKBOX -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                String s = raw.toString().trim().toLowerCase(Locale.ROOT);
                if (TRUE.contains(s)) {
                    return Boolean.TRUE;
                }
                if (FALSE.contains(s)) {
                    return Boolean.FALSE;
                }
                errors.add(new FieldError(field.name(), label + " must be true or false"));
                return null;
            }
            case SELECT, RADIO, TAGS -> {
                if (field.isList()) {
                    List<String> list = toList(raw);
                    list.stream().filter(v -> !isOption(field, v)).forEach(v -> errors.add(notAnOption(field, v)));
                    return list;
                }
                if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
                    errors.add(new FieldError(field.name(), label + " takes one value, not a list"));
                    return null;
                }
                String s = raw.toString();
                if (!isOption(field, s)) {
                    errors.add(notAnOption(field, s));
                }
                return s;
            }
            case EMAIL -> {
                String s = scalarText(field, raw, errors);
                if (s != null && !EMAIL.matcher(s).matches()) {
                    errors.add(new FieldError(field.name(), label + " must be an e-mail address"));
                }
                return s;
            }
            default -> {
                return scalarText(field, raw, errors);
            }
        }
    }

    private static void checkRules(ConfigField field, Object value, List<FieldError> errors) {
        String text = value == null ? "" : value.toString();
        for (String rule : field.rules()) {
            String problem = switch (rule.contains(":") ? rule.substring(0, rule.indexOf(':') + 1) : rule) {
                case "url" -> isHttpUrl(text) ? null : " must be an http or https URL";
                case "integer" -> toNumber(value) != null && toNumber(value).stripTrailingZeros().scale() <= 0
                        ? null : " must be a whole number";
                case "json" -> looksLikeJson(text) ? null : " must be JSON";
                case "regex:" -> matches(rule.substring("regex:".length()), text) ? null
                        : " does not have the expected format";
                default -> null;
            };
            if (problem != null) {
                errors.add(new FieldError(field.name(), field.label() + problem));
            }
        }
    }

    private static String scalarText(ConfigField field, Object raw, List<FieldError> errors) {
        if (raw instanceof Collection<?> || raw instanceof Map<?, ?>) {
            errors.add(new FieldError(field.name(), field.label() + " must be text"));
            return null;
        }
        return raw.toString();
    }

    private static boolean isOption(ConfigField field, String value) {
        return field.options().isEmpty() || field.options().stream().anyMatch(o -> o.value().equals(value));
    }

    private static FieldError notAnOption(ConfigField field, String value) {
        String allowed = field.options().stream().map(FieldOption::value).collect(Collectors.joining(", "));
        return new FieldError(field.name(), field.label() + " must be one of [" + allowed + "], not '" + value + "'");
    }

    private static List<String> toList(Object raw) {
        if (raw instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return Arrays.stream(raw.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static BigDecimal toNumber(Object raw) {
        if (raw instanceof BigDecimal b) {
            return b;
        }
        if (raw instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (raw instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A shallow check; the extension parses the JSON itself and reports details. */
    private static boolean looksLikeJson(String text) {
        String t = text.trim();
        return (t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"));
    }

    private static boolean matches(String pattern, String text) {
        String p = pattern.length() > 1 && pattern.startsWith("/") && pattern.lastIndexOf('/') > 0
                ? pattern.substring(1, pattern.lastIndexOf('/')) : pattern;
        try {
            return Pattern.compile(p).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String s && s.isEmpty())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static String sortedNames(List<ConfigField> schema) {
        return schema.stream().filter(f -> f.type() != FieldType.PLACEHOLDER).map(ConfigField::name).sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
