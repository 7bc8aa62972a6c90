package org.paymenter.ext.testkit.fakes.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code errors} object of Discord's "Invalid Form Body" answer: problems filed under the path of the
 * value they concern, {@code {"embeds": {"0": {"title": {"_errors": [{"code", "message"}]}}}}}.
 */
final class ErrorTree {

    private final Map<String, Object> root = new LinkedHashMap<>();

    /** Files one problem under {@code path} (names and list indexes). */
    @SuppressWarnings("unchecked")
    void add(String code, String message, Object... path) {
        Map<String, Object> node = root;
        for (Object part : path) {
            node = (Map<String, Object>) node.computeIfAbsent(String.valueOf(part), k -> new LinkedHashMap<>());
        }
        ((List<Map<String, String>>) node.computeIfAbsent("_errors", k -> new ArrayList<>()))
                .add(Map.of("code", code, "message", message));
    }

    boolean isEmpty() {
        return root.isEmpty();
    }

    Map<String, Object> asMap() {
        return root;
    }
}
