package org.paymenter.ext.testkit.fakes.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fake's answers where they matter for a client: auth, errors, tasks and the rules of the real API. */
class FakeProxmoxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakeProxmox pve;

    @BeforeEach
    void start() {
        pve = FakeProxmox.start().taskPolls(0);
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    private HttpResponse<String> call(String method, String path, String contentType, String body, String auth)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pve.baseUri() + "/api2/json" + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String method, String path, String json) throws IOException, InterruptedException {
        return call(method, path, json == null ? null : "application/json", json, pve.authorization());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Clones the template into {@code vmid} and starts it; tasks stop on their first poll. */
    private void runningVm(int vmid) throws Exception {
        String clone = json(call("POST", "/nodes/pve1/qemu/9000/clone", "{\"newid\":" + vmid + ",\"full\":1}"))
                .path("data").asText();
        call("GET", "/nodes/pve1/tasks/" + clone + "/status", null);
        call("POST", "/nodes/pve1/qemu/" + vmid + "/status/start", "{}");
    }

    @Test
    void wrongOrMissingTokenIs401WithAnEmptyBody() throws Exception {
        HttpResponse<String> wrong = call("GET", "/version", null, null, "PVEAPIToken=" + FakeProxmox.TOKEN_ID + "=nope");
        HttpResponse<String> missing = call("GET", "/version", null, null, null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).isEmpty();
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(pve.requests()).extracting(RecordedRequest::status).containsExactly(401, 401);
    }

    @Test
    void successIsWrappedInData() throws Exception {
        HttpResponse<String> version = call("GET", "/version", null);

        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(json(version).path("data").path("version").asText()).isEqualTo("8.4.1");
    }

    @Test
    void cloneTaskRunsForTheConfiguredPollsThenStopsWithOkAndTheVmAppears() throws Exception {
        pve.taskPolls(2);
        String upid = json(call("POST", "/nodes/pve1/qemu/9000/clone", "{\"newid\":100,\"name\":\"web1\",\"full\":1}"))
                .path("data").asText();

        assertThat(upid).startsWith("UPID:pve1:").contains(":qmclone:9000:" + FakeProxmox.TOKEN_ID + ":");
        assertThat(pve.vm(100).orElseThrow().lock()).contains("clone");
        assertThat(call("PUT", "/nodes/pve1/qemu/100/config", "{\"cores\":2}").statusCode()).isEqualTo(500);
        assertThat(json(call("GET", "/nodes/pve1/tasks/" + upid + "/status", null)).path("data").path("status").asText())
                .isEqualTo("running");
        call("GET", "/nodes/pve1/tasks/" + upid + "/status", null);
        JsonNode done = json(call("GET", "/nodes/pve1/tasks/" + upid + "/status", null)).path("data");

        assertThat(done.path("status").asText()).isEqualTo("stopped");
        assertThat(done.path("exitstatus").asText()).isEqualTo("OK");
        assertThat(pve.vm(100).orElseThrow().name()).isEqualTo("web1");
        assertThat(pve.vm(100).orElseThrow().status()).isEqualTo("stopped");
        assertThat(json(call("GET", "/cluster/nextid", null)).path("data").asText()).isEqualTo("101");
    }

    @Test
    void failedTaskStopsWithTheGivenExitStatusAndWithoutItsEffect() throws Exception {
        pve.failNextTask("clone failed: out of space");
        String upid = json(call("POST", "/nodes/pve1/qemu/9000/clone", "{\"newid\":100}")).path("data").asText();

        JsonNode status = json(call("GET", "/nodes/pve1/tasks/" + upid + "/status", null)).path("data");

        assertThat(status.path("exitstatus").asText()).isEqualTo("clone failed: out of space");
        assertThat(pve.vm(100)).isEmpty();
    }

    @Test
    void destroyingARunningVmIs500() throws Exception {
        runningVm(100);

        HttpResponse<String> delete = call("DELETE", "/nodes/pve1/qemu/100?purge=1", null);

        assertThat(delete.statusCode()).isEqualTo(500);
        assertThat(json(delete).path("message").asText()).isEqualTo("VM 100 is running - destroy failed\n");
        assertThat(json(delete).path("data").isNull()).isTrue();
    }

    @Test
    void shrinkingADiskIs400() throws Exception {
        runningVm(100);

        HttpResponse<String> resize = call("PUT", "/nodes/pve1/qemu/100/resize", "{\"disk\":\"scsi0\",\"size\":\"1G\"}");

        assertThat(resize.statusCode()).isEqualTo(400);
        assertThat(pve.vm(100).orElseThrow().diskGib()).isEqualTo(FakeProxmox.TEMPLATE_DISK_GIB);
    }

    @Test
    void unknownKeysAndUnencodedSshKeysFailParameterVerification() throws Exception {
        runningVm(100);

        HttpResponse<String> put = call("PUT", "/nodes/pve1/qemu/100/config",
                "{\"cpu_limit\":2,\"sshkeys\":\"ssh-ed25519 AAAA me@host\"}");

        assertThat(put.statusCode()).isEqualTo(400);
        JsonNode errors = json(put).path("errors");
        assertThat(errors.path("cpu_limit").asText()).contains("not defined in schema");
        assertThat(errors.path("sshkeys").asText()).startsWith("invalid urlencoded string");
    }

    @Test
    void formBodiesAreAcceptedLikeJson() throws Exception {
        runningVm(100);

        HttpResponse<String> put = call("PUT", "/nodes/pve1/qemu/100/config", "application/x-www-form-urlencoded",
                "cores=3&memory=3072&sshkeys=ssh-ed25519%2520AAAA", pve.authorization());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(pve.vm(100).orElseThrow().cores()).isEqualTo(3);
        assertThat(pve.vm(100).orElseThrow().sshKeys()).contains("ssh-ed25519%20AAAA");
    }

    @Test
    void missingVmIsTheConfigurationFile500() throws Exception {
        HttpResponse<String> status = call("GET", "/nodes/pve1/qemu/555/status/current", null);

        assertThat(status.statusCode()).isEqualTo(500);
        assertThat(json(status).path("message").asText())
                .isEqualTo("Configuration file 'nodes/pve1/qemu-server/555.conf' does not exist\n");
    }

    @Test
    void injected500AnswersEveryMethodOnThatPathUntilReset() throws Exception {
        pve.respondWith500("/nodes");

        assertThat(call("GET", "/nodes", null).statusCode()).isEqualTo(500);
        pve.reset();
        assertThat(call("GET", "/nodes", null).statusCode()).isEqualTo(200);
    }
}
