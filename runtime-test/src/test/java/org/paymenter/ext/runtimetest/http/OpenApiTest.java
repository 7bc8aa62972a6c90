package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.assertProblem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.runtimetest.http.DocumentedRoutes.Route;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** The OpenAPI document describes exactly what is served: every route it lists answers, nothing else does. */
class OpenApiTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final String X = AdminApi.EXTENSIONS + "/{category}/{name}";
    private static final String SERVER = AdminApi.EXTENSIONS + "/servers/{name}/instances/{id}";
    private static final String GATEWAY = AdminApi.EXTENSIONS + "/gateways/{name}/instances/{id}";

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static AdminApi api;
    private static List<Route> routes;

    @BeforeAll
    static void readTheDocument() {
        api = AdminApi.of(RUNTIME.harness());
        routes = DocumentedRoutes.of(api);
    }

    @Test
    void isAnOpenApi31DocumentWithTheBearerScheme() {
        Response r = api.withoutToken().get(AdminApi.OPENAPI).expect(200);

        assertThat(r.contentType()).isEqualTo(AdminApi.JSON);
        JsonNode doc = r.json();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        assertThat(doc.path("components").path("securitySchemes").path("adminToken").path("scheme").asText())
                .isEqualTo("bearer");
        doc.path("paths").forEach(item -> item.forEach(op -> {
            assertThat(op.path("summary").asText()).as("summary of %s", op).isNotBlank();
            assertThat(op.path("operationId").asText()).as("operationId of %s", op).isNotBlank();
        }));
    }

    @Test
    void documentsEveryRouteOfTheIssue() {
        assertThat(routes).extracting(Route::toString).contains(
                "GET /health", "GET " + AdminApi.OPENAPI,
                "GET " + AdminApi.EXTENSIONS, "GET " + AdminApi.EXTENSIONS + "/{category}",
                "GET " + X + "/metadata", "GET " + X + "/config",
                "POST " + AdminApi.EXTENSIONS, "PUT " + X, "DELETE " + X, "POST " + X + "/start", "POST " + X + "/stop",
                "GET " + X + "/instances", "POST " + X + "/instances",
                "GET " + X + "/instances/{id}", "PUT " + X + "/instances/{id}", "DELETE " + X + "/instances/{id}",
                "POST " + SERVER + "/test", "GET " + SERVER + "/product-config", "POST " + SERVER + "/services/{op}",
                "POST " + SERVER + "/login-url", "POST " + GATEWAY + "/pay", "POST " + GATEWAY + "/refund",
                "POST /api/v1/webhooks/{name}/{instanceId}");
    }

    @Test
    void everyDocumentedRouteIsServed() {
        for (Route route : routes) {
            Response r = call(route.method(), route.samplePath());
            assertThat(r.status()).as("%s: %s", route, r).isNotEqualTo(405);
            if (r.status() == 404) {
                assertThat(r.json().path("detail").asText()).as("%s: %s", route, r).doesNotStartWith("no route");
            }
        }
    }

    @Test
    void everyOtherMethodOnADocumentedPathIs405ListingTheDocumentedOnes() {
        Set<String> patterns = new TreeSet<>(routes.stream().map(Route::pattern).toList());
        for (String pattern : patterns) {
            Set<String> documented = DocumentedRoutes.methods(routes, pattern);
            String path = routes.stream().filter(r -> r.pattern().equals(pattern)).findFirst().orElseThrow()
                    .samplePath();
            for (String method : METHODS) {
                if (documented.contains(method)) {
                    continue;
                }
                Response r = call(method, path);
                assertProblem(r, 405);
                Set<String> allowed = new TreeSet<>(Arrays.asList(r.header("Allow").orElse("").split(",\\s*")));
                Set<String> expected = new TreeSet<>(documented);
                if (documented.contains("GET")) {
                    expected.add("HEAD"); // GET without the body, wherever GET is served
                }
                assertThat(allowed).as("Allow of %s %s", method, pattern).isEqualTo(expected);
            }
        }
    }

    @Test
    void undocumentedPathsAre404() {
        for (String path : List.of("/", "/api", "/api/v1", "/api/v2/admin/extensions", AdminApi.ADMIN,
                AdminApi.ADMIN + "/servers", AdminApi.EXTENSIONS + "/servers/x/y/z/w/v/u/t",
                "/api/v1/webhooks/samplegateway", "/health/details", "/api/v1/openapi.yaml")) {
            assertThat(assertProblem(call("GET", path), 404).path("detail").asText()).as(path).startsWith("no route");
        }
    }

    private static Response call(String method, String path) {
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return api.send(method, path, body ? AdminApi.JSON : null, body ? "{}".getBytes(StandardCharsets.UTF_8) : null);
    }
}
