package org.paymenter.ext.servers.proxmox;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.InvalidRequestException;

/**
 * Reads product settings and service properties, which arrive as text ("2048", "1") as often as as JSON
 * numbers and booleans, and names the setting in every complaint.
 */
final class SettingsReader {

    private static final Set<String> TRUE = Set.of("1", "true", "on", "yes");
    private static final Set<String> FALSE = Set.of("0", "false", "off", "no");

    private final Map<String, Object> values;

    SettingsReader(Map<String, ?> values) {
        this.values = Map.copyOf(values);
    }

    /** The trimmed text, or empty when unset or blank. */
    Optional<String> text(String key) {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.toString().trim());
    }

    String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    int integer(String key, int fallback, int min, int max) {
        return optionalInteger(key, min, max).orElse(fallback);
    }

    Optional<Integer> optionalInteger(String key, int min, int max) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int value;
        try {
            value = new BigDecimal(text.get()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw notInRange(key, text.get(), min, max);
        }
        if (value < min || value > max) {
            throw notInRange(key, text.get(), min, max);
        }
        return Optional.of(value);
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> text = text(key);
        if (text.isEmpty()) {
            return fallback;
        }
        String t = text.get().toLowerCase(Locale.ROOT);
        if (TRUE.contains(t)) {
            return true;
        }
        if (FALSE.contains(t)) {
            return false;
        }
        throw new InvalidRequestException("settings." + key, "setting '" + key + "' must be true or false, not '"
                + text.get() + "'");
    }

    private static ExtensionException notInRange(String key, String value, int min, int max) {
        return new InvalidRequestException("settings." + key, "setting '" + key + "' must be a whole number from "
                + min + " to " + max + ", not '" + value + "'");
    }
}
