package org.paymenter.ext.http.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;

/**
 * {@code GET /api/v1/openapi.json}: an OpenAPI 3.1 document written from the very route list the router
 * serves, so a route cannot be served without being documented or documented without being served.
 */
public final class OpenApiResource {

    static final String PATH = "/api/v1/openapi.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private final Supplier<List<Route>> routes;
    private final String version;

    public OpenApiResource(Supplier<List<Route>> routes, String version) {
        this.routes = routes;
        this.version = version;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", PATH, Access.PUBLIC, "This document", null, 0, this::document));
    }

    private ApiResponse document(ApiRequest request) {
        return ApiResponse.ok(build());
    }

    Map<String, Object> build() {
        Map<String, Object> paths = new TreeMap<>();
        for (Route route : routes.get()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.pattern(), p -> new LinkedHashMap<>());
            item.put(route.method().toLowerCase(Locale.ROOT), operation(route));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Paymenter extension runtime", "version", version,
                "description", "Admin API of the extension runtime; errors are application/problem+json."));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("adminToken", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Problem", Map.of("type", "object", "properties", Map.of(
                        "type", Map.of("type", "string"), "title", Map.of("type", "string"),
                        "status", Map.of("type", "integer"), "detail", Map.of("type", "string"))))));
        return doc;
    }

    private static Map<String, Object> operation(Route route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", route.summary());
        op.put("operationId", operationId(route));
        List<Map<String, Object>> parameters = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(route.pattern());
        while (m.find()) {
            parameters.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (route.requestBody() != null) {
            op.put("requestBody", Map.of("required", true, "content", Map.of(route.requestBody(), Map.of())));
        }
        if (route.access() == Access.ADMIN) {
            op.put("security", List.of(Map.of("adminToken", List.of())));
        }
        Map<String, Object> problem = Map.of("content", Map.of("application/problem+json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/Problem"))));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK", "content", Map.of("application/json", Map.of())));
        if (route.access() == Access.ADMIN) {
            responses.put("401", withDescription(problem, "missing or wrong admin token"));
        }
        responses.put("default", withDescription(problem, "error"));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> withDescription(Map<String, Object> base, String description) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put("description", description);
        return copy;
    }

    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String part : route.pattern().split("[/{}.-]")) {
            if (!part.isEmpty() && !part.equals("api") && !part.equals("v1")) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
