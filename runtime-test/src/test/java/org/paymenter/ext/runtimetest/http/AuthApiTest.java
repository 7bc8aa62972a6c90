package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.assertProblem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.runtimetest.http.DocumentedRoutes.Route;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeExtension;

/** Every admin route wants the token; health, the document and webhooks do not. */
class AuthApiTest {

    private static final String WRONG_TOKEN = "wrong-token-7d1e0f3b";

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
    void everyAdminRouteOfTheDocumentIs401WithoutTheRightToken() {
        List<Route> admin = routes.stream().filter(Route::admin).toList();
        assertThat(admin).as("admin routes in the document").hasSizeGreaterThanOrEqualTo(25);
        assertThat(admin).allMatch(r -> r.pattern().startsWith(AdminApi.ADMIN + "/"), "under " + AdminApi.ADMIN);

        for (AdminApi caller : List.of(api.withoutToken(), api.withToken(WRONG_TOKEN), api.withToken(""),
                api.withAuthorization("Basic " + AdminApi.token(RUNTIME.harness().dataDir())),
                api.withAuthorization(AdminApi.token(RUNTIME.harness().dataDir())))) {
            for (Route route : admin) {
                Response r = call(caller, route);
                assertProblem(r, 401);
                assertThat(r.header("WWW-Authenticate")).as("%s", r).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            }
        }
    }

    @Test
    void withTheTokenNoAdminRouteIs401() {
        for (Route route : routes.stream().filter(Route::admin).toList()) {
            assertThat(call(api, route).status()).as("%s", route).isNotEqualTo(401);
        }
    }

    @Test
    void unknownAdminPathsAre401TooSoNothingLeaksWithoutTheToken() {
        for (String path : List.of(AdminApi.ADMIN, AdminApi.ADMIN + "/nothing-here", AdminApi.EXTENSIONS + "/a/b/c/d/e/f/g")) {
            assertProblem(api.withoutToken().get(path), 401);
            assertProblem(api.get(path), 404);
        }
    }

    @Test
    void healthAndTheDocumentArePublic() {
        Response health = api.withoutToken().get("/health").expect(200);
        assertThat(health.json().path("status").asText()).isEqualTo("up");
        assertThat(health.json().path("bundles").path("active").asInt()).isPositive();
        assertThat(health.json().path("bundles").path("failed").asInt()).isZero();
        api.withToken(WRONG_TOKEN).get("/health").expect(200);
        api.withoutToken().get(AdminApi.OPENAPI).expect(200);

        List<Route> open = routes.stream().filter(r -> !r.admin()).toList();
        assertThat(open).extracting(Route::toString).containsExactlyInAnyOrder("GET /health",
                "GET " + AdminApi.OPENAPI, "POST /api/v1/webhooks/{name}/{instanceId}");
        for (Route route : open) {
            assertThat(call(api.withoutToken(), route).status()).as("%s", route).isNotEqualTo(401);
        }
    }

    @Test
    void refusedTokensAreNeverWrittenDown() throws IOException {
        Response r = api.withToken(WRONG_TOKEN).get(AdminApi.EXTENSIONS);
        assertProblem(r, 401);
        assertThat(r.body()).doesNotContain(WRONG_TOKEN);

        // The access log is written asynchronously: wait for this request's line, then look for the token.
        Path accessLog = RUNTIME.harness().dataDir().resolve("logs").resolve("access.log");
        Poll.untilTrue("the access log line of the refused call",
                Poll.DEFAULT_TIMEOUT, () -> read(accessLog).contains(" 401 "),
                () -> read(accessLog));
        try (Stream<Path> files = Files.walk(RUNTIME.harness().workDir())) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> read(f).contains(WRONG_TOKEN)).toList())
                    .as("files holding the refused token").isEmpty();
        }
    }

    private static Response call(AdminApi caller, Route route) {
        byte[] body = route.method().equals("GET") || route.method().equals("DELETE") ? null
                : "{}".getBytes(StandardCharsets.UTF_8);
        return caller.send(route.method(), route.samplePath(), body == null ? null : AdminApi.JSON, body);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
