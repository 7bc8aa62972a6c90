package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.fakes.proxmox.FakeProxmox;

/**
 * The host's own limit on an operation ({@code paymenter.invoke.timeout.ms}, read from system properties
 * when the launcher sets no framework property) cuts off a create that waits on a slow node: 504, and the
 * extension's thread is interrupted rather than left waiting.
 */
class InvokeTimeoutIT {

    private static final long LIMIT_MS = 1500;

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension()
            .withSystemProperty("paymenter.invoke.timeout.ms", String.valueOf(LIMIT_MS));

    private static FakeProxmox pve;
    private static AdminApi api;

    @BeforeAll
    static void deployBundleAndStartFake() {
        RUNTIME.harness().deploy(BundleJar.path());
        api = AdminApi.of(RUNTIME.harness());
        api.awaitExtension("servers", ProxmoxServer.NAME);
        pve = FakeProxmox.start();
    }

    @AfterAll
    static void stopFake() {
        pve.close();
    }

    @Test
    void createOnASlowNodeIsA504AtTheHostsLimit() {
        String id = api.createInstance("servers", ProxmoxServer.NAME, "slow", pve.instanceConfig());
        pve.delay(Duration.ofSeconds(5));

        long started = System.nanoTime();
        Response r = api.postJson(AdminApi.instance("servers", ProxmoxServer.NAME, id) + "/services/create",
                Map.of("service", Map.of("id", "60"), "settings", Fixtures.cloneProduct())).expect(504);

        assertThat(r.json().path("detail").asText()).isEqualTo("extension proxmox did not answer within 1500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }
}
