package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.testkit.fakes.proxmox.FakeProxmox;

/** How the cluster's refusals and silences read: status, call and the node's own words; never the secret. */
class RemoteFailuresTest {

    private final ProxmoxServer extension = new ProxmoxServer();
    private FakeProxmox pve;

    @BeforeEach
    void startFake() {
        pve = FakeProxmox.start();
    }

    @AfterEach
    void stopFake() {
        pve.close();
    }

    @Test
    void remote500NamesTheStatusTheCallAndTheNodesMessage() {
        pve.respondWith500("/cluster/nextid", "cluster not ready - no quorum?");

        assertThatThrownBy(() -> extension.create(Fixtures.config(pve), Fixtures.newService(Fixtures.cloneProduct())))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("Proxmox VE answered 500 to GET /cluster/nextid: cluster not ready - no quorum?");
    }

    @Test
    void remote500WithoutAReasonInTheBodySaysWhereToLook() {
        pve.messagesInBody(false).respondWith500("/cluster/nextid", "cluster not ready - no quorum?");

        assertThatThrownBy(() -> extension.create(Fixtures.config(pve), Fixtures.newService(Fixtures.cloneProduct())))
                .isInstanceOf(ExtensionException.class)
                .hasMessageStartingWith("Proxmox VE answered 500 to GET /cluster/nextid: no reason in the answer")
                .hasMessageContaining("task log or syslog");
    }

    @Test
    void parameterErrorsAreListedParameterByParameter() {
        var product = new java.util.HashMap<>(Fixtures.cloneProduct());
        product.put("model", "ne2k_isa");

        Throwable thrown = catchThrowable(() -> extension.create(Fixtures.config(pve), Fixtures.newService(product)));

        assertThat(thrown).hasMessageContaining("Proxmox VE answered 400 to PUT /nodes/pve1/qemu/100/config: "
                + "Parameter verification failed. (net0: invalid format");
        assertThat(thrown).hasMessageContaining("the half-built VM 100 on node pve1 was removed");
    }

    @Test
    void slowNodeTimesOutWithTheConfiguredRequestTimeout() {
        pve.delay(Duration.ofMillis(2500));

        long started = System.nanoTime();
        assertThatThrownBy(() -> extension.create(Fixtures.config(pve, Map.of("request_timeout", 1)),
                Fixtures.newService(Fixtures.cloneProduct())))
                .hasMessage("Proxmox VE at " + pve.baseUri() + " did not answer GET /cluster/nextid within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2400));
    }

    @Test
    void taskThatNeverStopsIsGivenUpAfterTheTaskTimeout() {
        pve.taskPolls(1_000);

        assertThatThrownBy(() -> extension.create(Fixtures.config(pve, Map.of("task_timeout", 1)),
                Fixtures.newService(Fixtures.cloneProduct())))
                .hasMessageContaining("clone of template 9000 into VM 100 on node pve1 is still running after 1 s")
                .hasMessageContaining("UPID:pve1:")
                // the clone may still finish: the VM it leaves must be findable
                .hasMessageContaining("VM 100 on node pve1 may still appear and then belongs to no service");
    }

    @Test
    void wrongTokenMakesOperationsFailWith401() {
        assertThatThrownBy(() -> extension.suspend(Fixtures.config(pve, Map.of("token_secret", "wrong")),
                Fixtures.service("42", Map.of(), Map.of("vmid", "100", "node", "pve1"))))
                .hasMessageContaining("Proxmox VE answered 401 to GET /nodes/pve1/qemu/100/status/current")
                .hasMessageContaining("authentication failure; check the API token ID and secret");
    }

    @Test
    void theTokenSecretAppearsInNoMessage() {
        pve.respondWith500("/nodes/pve1/qemu/9000/clone");
        var config = Fixtures.config(pve);

        Throwable failure = catchThrowable(() -> extension.create(config, Fixtures.newService(Fixtures.cloneProduct())));
        String test = extension.testConnection(Fixtures.config(pve, Map.of("node", "nowhere"))).message();

        assertThat(failure.getMessage()).contains("500").doesNotContain(pve.tokenSecret());
        assertThat(test).doesNotContain(pve.tokenSecret());
        assertThat(Connection.from(config).toString()).doesNotContain(pve.tokenSecret());
        assertThat(config.toString()).doesNotContain(pve.tokenSecret());
    }
}
