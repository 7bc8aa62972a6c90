package org.paymenter.ext.runtimetest.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.paymenter.ext.testkit.AdminApi;

import com.fasterxml.jackson.databind.JsonNode;

/** The routes of the API's own OpenAPI document, and concrete paths to call them with. */
final class DocumentedRoutes {

    /** A value for each placeholder that names nothing which exists, so no call changes anything. */
    private static final Map<String, String> SAMPLE_VALUES = Map.of("category", "servers", "name", "nosuchext",
            "id", "nosuchid", "instanceId", "nosuchid", "op", "create");

    /**
     * One documented operation.
     *
     * @param method  upper case, as sent
     * @param pattern the documented path, with placeholders
     * @param admin   whether the document says it needs the admin token
     */
    record Route(String method, String pattern, boolean admin) {

        /** The pattern with every placeholder replaced by a harmless value. */
        String samplePath() {
            String path = pattern;
            for (var e : SAMPLE_VALUES.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", e.getValue());
            }
            if (path.contains("{")) {
                throw new AssertionError("no sample value for a placeholder of " + pattern);
            }
            return path;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private DocumentedRoutes() {
    }

    /** Every path and method of {@code GET /api/v1/openapi.json} (fetched without a token: it is public). */
    static List<Route> of(AdminApi api) {
        JsonNode paths = api.withoutToken().get(AdminApi.OPENAPI).expect(200).json().path("paths");
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                boolean admin = !op.getValue().path("security").isMissingNode();
                routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), admin));
            }
        }
        if (routes.isEmpty()) {
            throw new AssertionError("the OpenAPI document has no paths");
        }
        return routes;
    }

    /** The documented methods of one pattern, sorted. */
    static Set<String> methods(List<Route> routes, String pattern) {
        Set<String> methods = new TreeSet<>();
        routes.stream().filter(r -> r.pattern().equals(pattern)).forEach(r -> methods.add(r.method()));
        return methods;
    }
}
