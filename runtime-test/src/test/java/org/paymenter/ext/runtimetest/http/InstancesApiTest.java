package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.assertProblem;
import static org.paymenter.ext.runtimetest.http.Problems.detail;
import static org.paymenter.ext.testkit.AdminApi.instance;
import static org.paymenter.ext.testkit.AdminApi.instances;
import static org.paymenter.ext.testkit.AdminApi.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.server.SampleServer;

import com.fasterxml.jackson.databind.JsonNode;

/** Configured instances: validated config in, secrets stored but only ever shown as "set". */
class InstancesApiTest {

    private static final String SERVERS = instances("servers", SampleServer.NAME);
    private static final String TOKEN = "tok-4f9a2c71e0";

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static AdminApi api;

    @BeforeAll
    static void deploySamples() {
        api = AdminApi.of(RUNTIME.harness());
        deploy(RUNTIME.harness(), api);
    }

    private static void deploy(RuntimeHarness rt, AdminApi api) {
        api.install(Samples.server().build(rt.scratchDir()));
        api.install(Samples.gateway().build(rt.scratchDir()));
        api.awaitExtension("servers", SampleServer.NAME);
        api.awaitExtension("gateways", SampleGateway.NAME);
    }

    @Test
    void createAnswers201WithTheIdAndTheSecretOnlyAsSet() {
        Response r = api.postJson(SERVERS, Map.of("name", "create-1",
                "config", Map.of("host", "a.example", "token", TOKEN))).expect(201);

        JsonNode created = r.json();
        String id = created.path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(created.path("name").asText()).isEqualTo("create-1");
        assertThat(created.path("category").asText()).isEqualTo("servers");
        assertThat(created.path("extension").asText()).isEqualTo(SampleServer.NAME);
        assertThat(created.path("config").path("host").asText()).isEqualTo("a.example");
        assertThat(created.path("config").path("port").asText()).as("the default").isEqualTo("8006");
        assertThat(created.path("config").path("token").asText()).isEqualTo("set");
        assertThat(r.body()).doesNotContain(TOKEN);

        Response shown = api.get(instance("servers", SampleServer.NAME, id)).expect(200);
        assertThat(shown.json().path("config")).isEqualTo(created.path("config"));
        Response listed = api.get(SERVERS).expect(200);
        assertThat(listed.texts("items", "id")).contains(id);
        assertThat(shown.body() + listed.body()).doesNotContain(TOKEN);
    }

    @Test
    void everyFieldErrorIsReturnedAtOnceAs422() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("port", 70000);
        config.put("verify_tls", "maybe");
        config.put("colour", "blue");
        Response r = api.postJson(SERVERS, Map.of("name", " padded ", "config", config));

        JsonNode problem = assertProblem(r, 422);
        assertThat(r.texts("errors", "field")).containsExactlyInAnyOrder("name", "host", "port", "verify_tls", "colour");
        problem.path("errors").forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
        assertThat(api.get(SERVERS).expect(200).texts("items", "name")).doesNotContain(" padded ");
    }

    @Test
    void malformedJsonIs400() {
        for (String body : List.of("{\"name\": \"x\", ", "{\"name\": 'x'}", "[1, 2]", "{} {}")) {
            assertThat(detail(api.postRawJson(SERVERS, body), 400)).as(body).isNotBlank();
        }
        assertThat(api.get(SERVERS).expect(200).texts("items", "name")).doesNotContain("x");
    }

    @Test
    void aSecondInstanceOfTheSameNameIs409() {
        api.createInstance("servers", SampleServer.NAME, "twin", Map.of("host", "a.example"));

        assertThat(detail(api.postJson(SERVERS, Map.of("name", "twin", "config", Map.of("host", "b.example"))), 409))
                .contains("twin");
        // Names are per extension: the gateway may have its own "twin".
        api.createInstance("gateways", SampleGateway.NAME, "twin", Map.of("secret", "s"));
    }

    @Test
    void putThatOmitsTheSecretKeepsIt() {
        String id = api.createInstance("gateways", SampleGateway.NAME, "keep-1", Map.of("secret", "whsec-first"));
        String path = instance("gateways", SampleGateway.NAME, id);

        JsonNode updated = api.putJson(path, Map.of("name", "keep-1", "config", Map.of("currency", "USD")))
                .expect(200).json();

        assertThat(updated.path("config").path("currency").asText()).isEqualTo("USD");
        assertThat(updated.path("config").path("secret").asText()).isEqualTo("set");
        // The gateway still verifies webhooks with the secret it was created with.
        assertThat(signedWebhook(id, "whsec-first").status()).isEqualTo(200);
        assertThat(signedWebhook(id, "whsec-other").status()).isEqualTo(400);

        // Sending back what was read ("set") keeps it too; a new value replaces it.
        api.putJson(path, Map.of("config", Map.of("secret", "set"))).expect(200);
        assertThat(signedWebhook(id, "whsec-first").status()).isEqualTo(200);
        api.putJson(path, Map.of("config", Map.of("secret", "whsec-second"))).expect(200);
        assertThat(signedWebhook(id, "whsec-first").status()).isEqualTo(400);
        assertThat(signedWebhook(id, "whsec-second").status()).isEqualTo(200);
    }

    @Test
    void putValidatesLikeCreate() {
        String id = api.createInstance("servers", SampleServer.NAME, "put-1", Map.of("host", "a.example"));

        Response r = api.putJson(instance("servers", SampleServer.NAME, id),
                Map.of("config", Map.of("host", "a.example", "port", 0, "verify_tls", "maybe")));

        assertProblem(r, 422);
        assertThat(r.texts("errors", "field")).containsExactlyInAnyOrder("port", "verify_tls");
        assertThat(api.get(instance("servers", SampleServer.NAME, id)).expect(200).json().path("config").path("port")
                .asText()).isEqualTo("8006");
    }

    @Test
    void deleteRemovesTheInstance() {
        String id = api.createInstance("servers", SampleServer.NAME, "gone-1", Map.of("host", "a.example"));
        String path = instance("servers", SampleServer.NAME, id);

        assertThat(api.delete(path).status()).isEqualTo(204);

        assertThat(detail(api.get(path), 404)).contains(id);
        assertThat(detail(api.delete(path), 404)).contains(id);
        assertThat(api.get(SERVERS).expect(200).texts("items", "id")).doesNotContain(id);
    }

    @Test
    void unknownInstanceOrExtensionIs404() {
        String id = api.createInstance("servers", SampleServer.NAME, "mine", Map.of("host", "a.example"));

        assertProblem(api.get(instance("servers", SampleServer.NAME, "no-such-id")), 404);
        // An instance is only found under its own extension.
        assertProblem(api.get(instance("gateways", SampleGateway.NAME, id)), 404);
        assertProblem(api.putJson(instance("gateways", SampleGateway.NAME, id), Map.of("name", "x")), 404);
        assertProblem(api.delete(instance("gateways", SampleGateway.NAME, id)), 404);
        assertProblem(api.get(instances("servers", "proxmox")), 404);
        assertProblem(api.postJson(instances("servers", "proxmox"), Map.of("name", "x")), 404);
        assertProblem(api.get(instances("plugins", SampleServer.NAME)), 404);
        api.get(instance("servers", SampleServer.NAME, id)).expect(200);
    }

    @Test
    void instancesAndTheirSecretsSurviveARestart(@TempDir Path workDir) {
        try (RuntimeHarness rt = RuntimeHarness.start(workDir)) {
            AdminApi before = AdminApi.of(rt);
            deploy(rt, before);
            String id = before.createInstance("servers", SampleServer.NAME, "eu-1",
                    Map.of("host", "a.example", "port", 8443, "token", TOKEN));
            JsonNode created = before.get(instance("servers", SampleServer.NAME, id)).expect(200).json();

            rt.restart();
            AdminApi after = AdminApi.of(rt);
            after.awaitExtension("servers", SampleServer.NAME);

            JsonNode shown = after.get(instance("servers", SampleServer.NAME, id)).expect(200).json();
            assertThat(shown).isEqualTo(created);
            assertThat(shown.path("config").path("token").asText()).isEqualTo("set");
            // The extension gets the stored secret back decrypted: the sample reports its length.
            assertThat(after.post(instance("servers", SampleServer.NAME, id) + "/test").expect(200).json()
                    .path("message").asText()).isEqualTo("connected to a.example:8443 with a token of "
                            + TOKEN.length() + " characters");
        }
    }

    private static Response signedWebhook(String instanceId, String signature) {
        return api.withoutToken().send("POST", webhook(SampleGateway.NAME, instanceId), "text/plain",
                "paid:inv-1:10.00".getBytes(StandardCharsets.UTF_8), SampleGateway.SIGNATURE_HEADER, signature);
    }
}
