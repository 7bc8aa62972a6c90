package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.assertProblem;
import static org.paymenter.ext.testkit.AdminApi.EXTENSIONS;
import static org.paymenter.ext.testkit.AdminApi.instance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.server.SampleServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What ordinary HTTP clients and a PHP panel send that is not wrong: HEAD, a {@code {}} on a route without a
 * body, PHP's {@code []} for an empty object, the page token sent back under the name it came in.
 */
class ClientHabitsApiTest {

    private static final String SERVER = EXTENSIONS + "/servers/" + SampleServer.NAME;

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static AdminApi api;
    private static String serverInstance;

    @BeforeAll
    static void deploySample() {
        RuntimeHarness rt = RUNTIME.harness();
        api = AdminApi.of(rt);
        api.install(Samples.server().build(rt.scratchDir()));
        api.awaitExtension("servers", SampleServer.NAME);
        serverInstance = instance("servers", SampleServer.NAME,
                api.createInstance("servers", SampleServer.NAME, "habits", Map.of("host", "a.example")));
    }

    @Test
    void headIsGetWithoutTheBody() {
        Response head = api.send("HEAD", "/health", null, null);
        Response get = api.get("/health");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
        assertThat(api.send("HEAD", EXTENSIONS, null, null).status()).isEqualTo(200);
    }

    @Test
    void anEmptyJsonBodyOnARouteThatTakesNoneIsIgnored() {
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);

        assertThat(api.send("POST", SERVER + "/start", AdminApi.JSON, empty).status()).isEqualTo(200);
        assertThat(api.send("GET", EXTENSIONS, AdminApi.JSON, empty).status()).isEqualTo(200);
    }

    @Test
    void phpsEmptyArrayIsAnEmptyObject() {
        String create = serverInstance + "/services/create";

        JsonNode missing = assertProblem(api.postRawJson(create, "[]"), 422);
        assertThat(missing.path("errors")).extracting(e -> e.path("field").asText()).contains("service", "service.id");

        Response withEmptyParts = api.postRawJson(create,
                "{\"service\": {\"id\": \"9\"}, \"settings\": [], \"properties\": []}");
        assertThat(withEmptyParts.status()).as(withEmptyParts.body()).isEqualTo(200);
    }

    @Test
    void everyUnprocessableFieldIsListedInErrors() {
        JsonNode p = assertProblem(api.postRawJson(serverInstance + "/services/create",
                "{\"service\": {\"id\": \"9\"}, \"settings\": \"big\"}"), 422);

        assertThat(p.path("errors")).singleElement().satisfies(e -> {
            assertThat(e.path("field").asText()).isEqualTo("settings");
            assertThat(e.path("message").asText()).contains("must be a JSON object");
        });
    }

    @Test
    void anUnknownInstanceIs404WhateverTheBody() {
        String unknown = instance("servers", SampleServer.NAME, "no-such-instance");

        assertProblem(api.postRawJson(unknown + "/services/create", "{}"), 404);
        assertProblem(api.postRawJson(unknown + "/login-url", "{}"), 404);
    }

    @Test
    void aPageTokenSentBackAsNextIsTheCursor() {
        Response first = api.get(AdminApi.ADMIN + "/payments?limit=1&next=not-a-cursor");

        // the token is read (and this one refused), not ignored: a client looping on ?next= never sees page 1 again
        assertProblem(first, 400);
    }
}
