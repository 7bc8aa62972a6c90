package org.paymenter.ext.testkit.fakes.proxmox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request's parameters as the API handlers see them: query and body merged, every value as text. The body
 * may be JSON or a form, as the real API accepts both; JSON booleans become 1/0.
 */
final class PveParams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TRUE = Set.of("1", "true", "on", "yes");
    private static final Set<String> FALSE = Set.of("0", "false", "off", "no");

    private final Map<String, String> query;
    private final Map<String, String> body;
    private final Map<String, String> all = new LinkedHashMap<>();

    private PveParams(Map<String, String> query, Map<String, String> body) {
        this.query = query;
        this.body = body;
        all.putAll(query);
        all.putAll(body);
    }

    static PveParams parse(String rawQuery, String contentType, String rawBody) {
        Map<String, String> query = form(rawQuery);
        Map<String, String> body;
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        if (rawBody.isBlank() || rawBody.equals("[]")) {
            body = Map.of();
        } else if (type.equals("application/json")) {
            body = json(rawBody);
        } else {
            body = form(rawBody);
        }
        return new PveParams(query, body);
    }

    Map<String, String> query() {
        return query;
    }

    Map<String, String> body() {
        return body;
    }

    Map<String, String> all() {
        return all;
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(all.get(name));
    }

    String require(String name) {
        return get(name).orElseThrow(() -> PveError.parameter(name, "property is missing and it is not optional"));
    }

    int requireInt(String name, int min, int max) {
        return integer(name, require(name), min, max);
    }

    Optional<Integer> optionalInt(String name, int min, int max) {
        return get(name).map(v -> integer(name, v, min, max));
    }

    Optional<Boolean> optionalBool(String name) {
        return get(name).map(v -> {
            String t = v.trim().toLowerCase();
            if (TRUE.contains(t)) {
                return true;
            }
            if (FALSE.contains(t)) {
                return false;
            }
            throw PveError.parameter(name, "type check ('boolean') failed - got '" + v + "'");
        });
    }

    private static int integer(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw PveError.parameter(name, "type check ('integer') failed - got '" + value + "'");
        }
        if (n < min) {
            throw PveError.parameter(name, "value must have a minimum value of " + min);
        }
        if (n > max) {
            throw PveError.parameter(name, "value must have a maximum value of " + max);
        }
        return n;
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return values;
    }

    private static Map<String, String> json(String raw) {
        JsonNode tree;
        try {
            tree = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new PveError(400, "malformed JSON string: " + e.getOriginalMessage());
        }
        if (!tree.isObject()) {
            throw new PveError(400, "malformed JSON: the body must be an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : tree.properties()) {
            JsonNode v = e.getValue();
            values.put(e.getKey(), v.isBoolean() ? (v.asBoolean() ? "1" : "0") : v.isValueNode() ? v.asText() : v.toString());
        }
        return values;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
