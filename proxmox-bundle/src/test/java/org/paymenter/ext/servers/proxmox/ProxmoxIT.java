package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.fakes.proxmox.FakeProxmox;
import org.paymenter.ext.testkit.fakes.proxmox.VmState;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The built bundle in a running runtime, driven through the admin API as a panel drives it, against the
 * fake Proxmox VE: the whole service lifecycle with the VM checked after each step, and every failure path.
 */
class ProxmoxIT {

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static final String SERVERS = "servers";
    private static FakeProxmox pve;
    private static AdminApi api;

    @BeforeAll
    static void deployBundleAndStartFake() {
        RUNTIME.harness().deploy(BundleJar.path());
        api = AdminApi.of(RUNTIME.harness());
        api.awaitExtension(SERVERS, ProxmoxServer.NAME);
        pve = FakeProxmox.start();
    }

    @AfterAll
    static void stopFake() {
        pve.close();
    }

    @AfterEach
    void forgetFailures() {
        pve.reset();
    }

    private static String instance(String name, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>(pve.instanceConfig());
        config.putAll(overrides);
        return api.createInstance(SERVERS, ProxmoxServer.NAME, name, config);
    }

    private static String path(String instanceId, String rest) {
        return AdminApi.instance(SERVERS, ProxmoxServer.NAME, instanceId) + rest;
    }

    private static Response operation(String instanceId, String op, String serviceId, Map<String, ?> settings,
            Map<String, ?> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", Map.of("id", serviceId, "userId", "7", "productId", "3", "status", "active"));
        body.put("user", Map.of("id", "7", "email", "jane@example.com", "firstName", "Jane", "lastName", "Doe"));
        body.put("settings", settings);
        body.put("properties", properties);
        return api.postJson(path(instanceId, "/services/" + op), body);
    }

    private static VmState vm(int vmid) {
        return pve.vm(vmid).orElseThrow(() -> new AssertionError("the fake has no VM " + vmid + "; it has " + pve.vms()));
    }

    @Test
    void extensionIsListedWithItsMetadataAndConfigFields() {
        JsonNode metadata = api.get(AdminApi.extension(SERVERS, ProxmoxServer.NAME) + "/metadata").expect(200).json();
        Response config = api.get(AdminApi.extension(SERVERS, ProxmoxServer.NAME) + "/config").expect(200);

        assertThat(metadata.path("displayName").asText()).isEqualTo("Proxmox VE");
        assertThat(config.body()).contains("\"token_secret\"", "\"verify_tls\"", "\"node\"", "\"bridge\"");
    }

    @Test
    void serviceLifecycleDrivesTheVmThroughEveryState() {
        String id = instance("lifecycle", Map.of());
        assertThat(api.get(path(id, "")).expect(200).json().path("config").path("token_secret").asText()).isEqualTo("set");

        JsonNode test = api.post(path(id, "/test")).expect(200).json();
        assertThat(test.path("ok").asBoolean()).as(test.toString()).isTrue();
        Response form = api.get(path(id, "/product-config")).expect(200);
        assertThat(form.body()).contains("debian-12-cloud (9000)", FakeProxmox.ISO, "vmbr1");

        Map<String, Object> plan = new HashMap<>(Fixtures.cloneProduct());
        Map<String, Object> checkout = Map.of("hostname", "web1.example.com", "ssh_key", Fixtures.SSH_KEY);
        JsonNode created = operation(id, "create", "42", plan, checkout).expect(200).json();
        JsonNode properties = created.path("properties");
        int vmid = properties.path("vmid").asInt();
        assertThat(properties.path("node").asText()).isEqualTo(FakeProxmox.NODE);
        assertThat(created.path("data").path("ip").asText()).isEqualTo("203.0.113.10");
        assertThat(vm(vmid).running()).isTrue();
        assertThat(vm(vmid).cores()).isEqualTo(2);
        assertThat(vm(vmid).memoryMib()).isEqualTo(4096);
        assertThat(vm(vmid).diskGib()).isEqualTo(20);
        assertThat(vm(vmid).ciPassword()).contains(created.path("data").path("password").asText());

        Map<String, Object> stored = new HashMap<>();
        properties.properties().forEach(e -> stored.put(e.getKey(), e.getValue().asText()));
        stored.putAll(checkout);

        operation(id, "suspend", "42", plan, stored).expect(200);
        assertThat(vm(vmid).status()).isEqualTo("stopped");
        assertThat(vm(vmid).onBoot()).isFalse();

        operation(id, "unsuspend", "42", plan, stored).expect(200);
        assertThat(vm(vmid).running()).isTrue();
        assertThat(vm(vmid).onBoot()).isTrue();

        Map<String, Object> upgraded = new HashMap<>(plan);
        upgraded.putAll(Map.of("cores", "4", "memory", "8192", "disk", "40"));
        JsonNode upgrade = operation(id, "upgrade", "42", upgraded, stored).expect(200).json();
        assertThat(vm(vmid).cores()).isEqualTo(4);
        assertThat(vm(vmid).memoryMib()).isEqualTo(8192);
        assertThat(vm(vmid).diskGib()).isEqualTo(40);
        assertThat(upgrade.path("message").asText()).contains("grown from 20 to 40 GiB");

        JsonNode login = api.postJson(path(id, "/login-url"), Map.of("service", Map.of("id", "42"),
                "properties", stored)).expect(200).json();
        assertThat(login.path("url").asText()).startsWith(pve.baseUri() + "/?console=kvm&novnc=1&vmid=" + vmid);

        operation(id, "terminate", "42", upgraded, stored).expect(200);
        assertThat(pve.vm(vmid)).isEmpty();
        assertThat(pve.requests("DELETE /nodes/pve1/qemu/" + vmid).get(0).query()).containsEntry("purge", "1");
    }

    @Test
    void whatTheCallerMustFixIsA422NamingTheField() {
        String id = instance("caller-mistakes", Map.of());

        JsonNode noVm = operation(id, "suspend", "61", Fixtures.cloneProduct(), Map.of()).expect(422).json();
        JsonNode noSource = operation(id, "create", "62", Map.of("cores", "2"), Map.of()).expect(422).json();

        assertThat(noVm.path("errors").get(0).path("field").asText()).isEqualTo("properties.vmid");
        assertThat(noVm.path("detail").asText()).contains("no Proxmox VM recorded");
        assertThat(noSource.path("errors").get(0).path("field").asText()).isEqualTo("settings.template");
    }

    @Test
    void remote500IsA502NamingTheNodesMessage() {
        String id = instance("remote-500", Map.of());
        pve.respondWith500("/cluster/nextid", "cluster not ready - no quorum?");

        Response r = operation(id, "create", "50", Fixtures.cloneProduct(), Map.of()).expect(502);

        assertThat(r.json().path("detail").asText())
                .isEqualTo("Proxmox VE answered 500 to GET /cluster/nextid: cluster not ready - no quorum?");
    }

    @Test
    void slowNodeIsA502AfterTheInstancesRequestTimeout() {
        String id = instance("slow", Map.of("request_timeout", 1));
        pve.delay(Duration.ofMillis(2500));

        Response r = operation(id, "create", "51", Fixtures.cloneProduct(), Map.of()).expect(502);

        assertThat(r.json().path("detail").asText()).isEqualTo("Proxmox VE at " + pve.baseUri()
                + " did not answer GET /cluster/nextid within 1 s");
    }

    @Test
    void wrongTokenFailsTheTestWith401AndOperationsWith502() {
        String id = instance("wrong-token", Map.of("token_secret", "11111111-2222-3333-4444-555555555555"));

        JsonNode test = api.post(path(id, "/test")).expect(200).json();
        Response create = operation(id, "create", "52", Fixtures.cloneProduct(), Map.of()).expect(502);

        assertThat(test.path("ok").asBoolean()).isFalse();
        assertThat(test.path("message").asText()).contains("Proxmox VE answered 401 to GET /nodes",
                "authentication failure");
        assertThat(create.json().path("detail").asText()).contains("401", "check the API token ID and secret");
        assertThat(create.body()).doesNotContain("11111111-2222-3333-4444-555555555555");
    }

    @Test
    void failedTaskIsA502NamingItsExitStatus() {
        String id = instance("failed-task", Map.of());
        pve.failNextTask("qmclone", "clone failed: unable to create image: storage 'local-lvm' is full");

        Response r = operation(id, "create", "53", Fixtures.cloneProduct(), Map.of()).expect(502);

        assertThat(r.json().path("detail").asText()).contains("clone of template 9000",
                "clone failed: unable to create image: storage 'local-lvm' is full");
        assertThat(pve.vms()).extracting(VmState::name).doesNotContain("vm-53");
    }
}
