package org.paymenter.ext.http.resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.server.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading what callers send: the category in the path, a JSON object body, its required fields. */
final class Requests {

    private Requests() {
    }

    static Category category(ApiRequest request) {
        String path = request.path("category");
        return Category.fromPath(path).orElseThrow(() -> ApiException.notFound(
                "unknown category '" + path + "'; categories are servers, gateways, others"));
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static ObjectNode object(ApiRequest request) throws IOException {
        byte[] body = request.body();
        if (body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node = Json.MAPPER.readTree(body);
        if (isEmptyArray(node)) {
            return Json.MAPPER.createObjectNode(); // PHP's json_encode of an empty array: []
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * Checks that every dotted path ({@code service.id}) is present and not null, naming all that are
     * missing in one 422.
     */
    static void require(JsonNode body, String... paths) {
        List<String> missing = new ArrayList<>();
        for (String path : paths) {
            JsonNode node = body;
            for (String part : path.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
                missing.add(path);
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.unprocessable("missing required field" + (missing.size() > 1 ? "s: " : ": ")
                    + String.join(", ", missing), Map.of("missing", missing, "errors", missing.stream()
                            .map(path -> fieldError(path, path + " is required")).toList()));
        }
    }

    /** Converts a part of the body to a record of the contract; a type mismatch is a 422 naming the field. */
    static <T> T convert(JsonNode node, Class<T> type, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Json.MAPPER.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(field, field + " is not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(JsonNode node, String field) {
        if (node == null || node.isNull() || isEmptyArray(node)) {
            return Map.of(); // an empty PHP array arrives as [], not {}
        }
        if (!node.isObject()) {
            throw invalid(field, field + " must be a JSON object");
        }
        return Json.MAPPER.convertValue(node, Map.class);
    }

    /** A 422 about one field: {@code field}, and {@code errors} as every other 422 has them. */
    static ApiException invalid(String field, String message) {
        return ApiException.unprocessable(message, Map.of("field", field, "errors", List.of(fieldError(field, message))));
    }

    /** One entry of a 422's {@code errors}, the shape instance validation answers too. */
    static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static boolean isEmptyArray(JsonNode node) {
        return node != null && node.isArray() && node.isEmpty();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
