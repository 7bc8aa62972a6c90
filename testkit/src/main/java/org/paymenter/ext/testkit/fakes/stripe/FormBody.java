package org.paymenter.ext.testkit.fakes.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe's request encoding: {@code application/x-www-form-urlencoded} (or a query string) with PHP
 * bracket notation for nesting, {@code metadata[invoice_id]=5}, {@code line_items[0][price_data][currency]=eur},
 * {@code expand[]=x}. Parsed into nested maps; a map whose keys are all indices becomes a list.
 */
final class FormBody {

    private FormBody() {
    }

    /** The parameters of {@code encoded}: values are strings, maps or lists. */
    static Map<String, Object> parse(String encoded) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return root;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            insert(root, segments(key), value);
        }
        return listify(root);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** {@code a[b][0][]} → {@code [a, b, 0, ""]}. */
    static List<String> segments(String key) {
        List<String> parts = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            parts.add(key);
            return parts;
        }
        parts.add(key.substring(0, open));
        int i = open;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                parts.add(key.substring(i + 1));
                break;
            }
            parts.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> node, List<String> path, String value) {
        Map<String, Object> current = node;
        for (int i = 0; i < path.size(); i++) {
            String part = path.get(i);
            if (part.isEmpty()) {
                part = String.valueOf(current.size()); // "[]" appends
            }
            if (i == path.size() - 1) {
                current.put(part, value);
            } else {
                Object next = current.get(part);
                if (!(next instanceof Map)) {
                    next = new LinkedHashMap<String, Object>();
                    current.put(part, next);
                }
                current = (Map<String, Object>) next;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> listify(Map<String, Object> node) {
        node.replaceAll((k, v) -> v instanceof Map<?, ?> m ? toListOrMap((Map<String, Object>) m) : v);
        return node;
    }

    private static Object toListOrMap(Map<String, Object> node) {
        listify(node);
        if (!node.isEmpty() && node.keySet().stream().allMatch(k -> k.matches("\\d+"))) {
            List<Object> list = new ArrayList<>();
            node.entrySet().stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a.getKey()),
                    Integer.parseInt(b.getKey()))).forEach(e -> list.add(e.getValue()));
            return list;
        }
        return node;
    }
}
