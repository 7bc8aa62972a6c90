package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.assertProblem;
import static org.paymenter.ext.runtimetest.http.Problems.detail;
import static org.paymenter.ext.testkit.AdminApi.EXTENSIONS;
import static org.paymenter.ext.testkit.AdminApi.instance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.ApiSamples;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.failing.FailingServer;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.hanging.HangingServer;
import org.paymenter.ext.testkit.samples.server.SampleServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a panel asks of a server instance, with Paymenter's (service, settings, properties). */
class ServerOperationsApiTest {

    private static final Duration CALL_LIMIT = Duration.ofMillis(1000);

    /** The core reads the limit through BundleContext.getProperty, which falls back to system properties. */
    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension()
            .withSystemProperty("paymenter.invoke.timeout.ms", Long.toString(CALL_LIMIT.toMillis()));

    private static AdminApi api;
    private static String fine;
    private static String unreachable;
    private static String failing;
    private static String hanging;
    private static String gateway;

    @BeforeAll
    static void deploySamples() {
        RuntimeHarness rt = RUNTIME.harness();
        api = AdminApi.of(rt);
        api.install(Samples.server().build(rt.scratchDir()));
        api.install(ApiSamples.failing().build(rt.scratchDir()));
        api.install(Samples.hanging().build(rt.scratchDir()));
        api.install(Samples.gateway().build(rt.scratchDir()));
        api.awaitExtension("servers", SampleServer.NAME);
        api.awaitExtension("servers", FailingServer.NAME);
        api.awaitExtension("servers", HangingServer.NAME);
        api.awaitExtension("gateways", SampleGateway.NAME);
        fine = server(SampleServer.NAME, api.createInstance("servers", SampleServer.NAME, "fine",
                Map.of("host", "fine.example", "token", "abcdef")));
        unreachable = server(SampleServer.NAME, api.createInstance("servers", SampleServer.NAME, "unreachable",
                Map.of("host", SampleServer.UNREACHABLE_HOST)));
        failing = server(FailingServer.NAME, api.createInstance("servers", FailingServer.NAME, "failing", Map.of()));
        hanging = server(HangingServer.NAME, api.createInstance("servers", HangingServer.NAME, "hanging", Map.of()));
        gateway = api.createInstance("gateways", SampleGateway.NAME, "gw", Map.of("secret", "s"));
    }

    @Test
    void testConnectionAnswersOkOrFailedWithTheExtensionsMessage() {
        JsonNode ok = api.post(fine + "/test").expect(200).json();
        assertThat(ok.path("ok").asBoolean()).isTrue();
        assertThat(ok.path("message").asText()).isEqualTo("connected to fine.example:8006 with a token of 6 characters");

        JsonNode failed = api.post(unreachable + "/test").expect(200).json();
        assertThat(failed.path("ok").isBoolean()).isTrue();
        assertThat(failed.path("ok").asBoolean()).isFalse();
        assertThat(failed.path("message").asText()).isEqualTo("cannot reach " + SampleServer.UNREACHABLE_HOST);
    }

    @Test
    void lifecycleOperationsAnswerTheResultAndThePropertiesToStore() {
        JsonNode created = api.postJson(fine + "/services/create", request(Map.of())).expect(200).json();
        assertThat(created.path("ok").asBoolean()).isTrue();
        assertThat(created.path("message").asText()).isEqualTo("created vm-42");
        assertThat(created.path("properties")).isEqualTo(json(Map.of("remote_id", "vm-42")));
        assertThat(created.path("data")).isEqualTo(json(Map.of("username", "user42")));

        Map<String, String> stored = Map.of("remote_id", "vm-42");
        for (String[] op : new String[][] { { "suspend", "suspended", "true" }, { "unsuspend", "unsuspended", "false" },
                { "terminate", "terminated", "true" } }) {
            JsonNode r = api.postJson(fine + "/services/" + op[0], request(stored)).expect(200).json();
            assertThat(r.path("ok").asBoolean()).as(op[0]).isTrue();
            assertThat(r.path("message").asText()).as(op[0]).isEqualTo(op[1] + " vm-42");
            assertThat(r.path("properties").path(op[0].equals("unsuspend") ? "suspended" : op[1]).asText()).as(op[0])
                    .isEqualTo(op[2]);
        }
    }

    @Test
    void extraFieldsAreIgnored() {
        Map<String, Object> body = request(Map.of());
        body.put("panelVersion", "1.2.3");
        @SuppressWarnings("unchecked")
        Map<String, Object> service = (Map<String, Object>) body.get("service");
        service.put("notes", "nothing");

        assertThat(api.postJson(fine + "/services/create", body).expect(200).json().path("message").asText())
                .isEqualTo("created vm-42");
    }

    @Test
    void unknownOperationIs404NamingTheOperations() {
        assertThat(detail(api.postJson(fine + "/services/reboot", request(Map.of())), 404)).contains("reboot")
                .contains("create, suspend, unsuspend, terminate, upgrade");
    }

    @Test
    void anOptionalCapabilityTheExtensionLacksIs501() {
        assertThat(detail(api.postJson(fine + "/services/upgrade", request(Map.of())), 501)).contains("Upgradable");
        assertThat(detail(api.postJson(fine + "/login-url", request(Map.of())), 501)).contains("LoginLinks");
    }

    @Test
    void missingServiceIdIs422NamingIt() {
        Response noId = api.postJson(fine + "/services/create", Map.of("service", Map.of("userId", "7")));
        assertThat(detail(noId, 422)).contains("service.id");
        assertThat(noId.json().path("missing").toString()).contains("service.id");

        Response noService = api.postJson(fine + "/services/suspend", Map.of("user", Map.of("id", "7")));
        assertThat(detail(noService, 422)).contains("service").contains("service.id");
    }

    @Test
    void productConfigAnswersTheProductFields() {
        Response r = api.get(fine + "/product-config").expect(200);

        assertThat(r.texts("fields", "name")).containsExactly("memory");
        JsonNode memory = r.json().path("fields").get(0);
        assertThat(memory.path("type").asText()).isEqualTo("number");
        assertThat(memory.path("label").asText()).isEqualTo("Memory (MB)");
        assertThat(memory.path("min").asText()).isEqualTo("128");
        assertThat(memory.path("default").asInt()).isEqualTo(1024);
    }

    @Test
    void anExtensionThatThrowsIs502WithItsMessage() {
        assertThat(detail(api.postJson(failing + "/services/create", request(Map.of())), 502))
                .isEqualTo(FailingServer.REFUSAL);
        assertThat(detail(api.post(failing + "/test"), 502)).isEqualTo(FailingServer.REFUSAL);
        assertThat(detail(api.get(failing + "/product-config"), 502)).isEqualTo(FailingServer.REFUSAL);
        // Not an ExtensionException: a bug in the extension, still a 502 that says what it threw.
        assertThat(detail(api.postJson(failing + "/services/suspend", request(Map.of())), 502))
                .contains(FailingServer.NAME).contains(FailingServer.BUG);
    }

    @Test
    void anExtensionThatHangsIs504AfterTheLimitAndTheApiKeepsServing() {
        long start = System.nanoTime();
        String detail = detail(api.post(hanging + "/test"), 504);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(detail).contains(HangingServer.NAME).contains("1 s");
        assertThat(took).isGreaterThanOrEqualTo(CALL_LIMIT).isLessThan(CALL_LIMIT.multipliedBy(5));
        assertThat(api.post(fine + "/test").expect(200).json().path("ok").asBoolean()).isTrue();
        api.get(EXTENSIONS).expect(200);
    }

    @Test
    void operationsOnAnUnknownInstanceAre404() {
        assertProblem(api.post(server(SampleServer.NAME, "no-such-id") + "/test"), 404);
        assertProblem(api.postJson(server(SampleServer.NAME, "no-such-id") + "/services/create", request(Map.of())), 404);
        // An instance is only reached through its own extension: not through another server's path...
        assertProblem(api.post(fine.replace(SampleServer.NAME, FailingServer.NAME) + "/test"), 404);
        // ...and a gateway instance is no server.
        assertProblem(api.post(server(SampleGateway.NAME, gateway) + "/test"), 404);
    }

    private static String server(String name, String id) {
        return instance("servers", name, id);
    }

    /** Paymenter's (service, settings, properties) for service 42, as a panel sends it. */
    private static Map<String, Object> request(Map<String, String> properties) {
        Map<String, Object> service = new LinkedHashMap<>(Map.of("id", "42", "userId", "7",
                "productId", "3", "status", "pending", "price", "9.99", "currency", "EUR", "billingPeriod", 1,
                "billingUnit", "month"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", service);
        body.put("user", Map.of("id", "7", "email", "jo@example.com", "firstName", "Jo", "lastName", "Doe"));
        body.put("settings", Map.of("memory", 2048));
        body.put("properties", properties);
        return body;
    }

    private static JsonNode json(Object value) {
        return new ObjectMapper().valueToTree(value);
    }
}
