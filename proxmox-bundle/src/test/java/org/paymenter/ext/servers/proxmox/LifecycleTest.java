package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.testkit.fakes.proxmox.FakeProxmox;
import org.paymenter.ext.testkit.fakes.proxmox.VmState;

/** Suspend, unsuspend, upgrade and terminate of a VM that create built. */
class LifecycleTest {

    private final ProxmoxServer extension = new ProxmoxServer();
    private FakeProxmox pve;
    private InstanceConfig config;
    private ServiceRequest created;

    @BeforeEach
    void createVm() {
        // Tasks stop on their first poll here: polling itself is CreateTest's subject.
        pve = FakeProxmox.start().taskPolls(0);
        config = Fixtures.config(pve);
        ServerResult result = extension.create(config, Fixtures.newService(Fixtures.cloneProduct()));
        created = Fixtures.service("42", Fixtures.cloneProduct(), result.properties());
        pve.clearRequests();
    }

    @AfterEach
    void stopFake() {
        pve.close();
    }

    private VmState vm() {
        return pve.vm(100).orElseThrow();
    }

    @Test
    void suspendStopsTheVmAndKeepsItFromStartingWithItsNode() {
        ServerResult result = extension.suspend(config, created);

        assertThat(vm().status()).isEqualTo("stopped");
        assertThat(vm().onBoot()).isFalse();
        assertThat(result.message()).contains("stopped VM 100 on node pve1");
    }

    @Test
    void suspendingTwiceIsHarmless() {
        extension.suspend(config, created);
        ServerResult again = extension.suspend(config, created);

        assertThat(again.message()).contains("was already stopped");
        assertThat(pve.requests("POST /nodes/pve1/qemu/100/status/stop")).hasSize(1);
    }

    @Test
    void unsuspendStartsTheVmAndLetsItStartWithItsNodeAgain() {
        extension.suspend(config, created);

        ServerResult result = extension.unsuspend(config, created);

        assertThat(vm().running()).isTrue();
        assertThat(vm().onBoot()).isTrue();
        assertThat(result.message()).contains("started VM 100");
    }

    @Test
    void upgradeSetsTheNewCpuAndMemoryAndGrowsTheDisk() {
        Map<String, Object> bigger = new HashMap<>(Fixtures.cloneProduct());
        bigger.putAll(Map.of("cores", "4", "sockets", "2", "memory", "8192", "disk", "40"));

        ServerResult result = extension.upgrade(config, Fixtures.service("42", bigger, created.properties()));

        assertThat(vm().cores()).isEqualTo(4);
        assertThat(vm().sockets()).isEqualTo(2);
        assertThat(vm().memoryMib()).isEqualTo(8192);
        assertThat(vm().diskGib()).isEqualTo(40);
        assertThat(pve.requests("PUT /nodes/pve1/qemu/100/resize").get(0).params())
                .containsEntry("disk", "scsi0").containsEntry("size", "40G");
        assertThat(result.message()).contains("8 vCPU", "8192 MiB", "grown from 20 to 40 GiB");
    }

    @Test
    void upgradeToASmallerDiskKeepsTheDiskAndNeverSendsAShrink() {
        Map<String, Object> smaller = new HashMap<>(Fixtures.cloneProduct());
        smaller.putAll(Map.of("cores", "1", "memory", "1024", "disk", "10"));

        ServerResult result = extension.upgrade(config, Fixtures.service("42", smaller, created.properties()));

        assertThat(vm().cores()).isEqualTo(1);
        assertThat(vm().memoryMib()).isEqualTo(1024);
        assertThat(vm().diskGib()).isEqualTo(20);
        assertThat(pve.requests("PUT /nodes/pve1/qemu/100/resize")).isEmpty();
        assertThat(result.message()).contains("kept at 20 GiB", "cannot shrink", "asks for 10 GiB");
    }

    @Test
    void perServicePropertyOverridesTheProductSetting() {
        Map<String, String> properties = new HashMap<>(created.properties());
        properties.put("memory", "6144");

        extension.upgrade(config, Fixtures.service("42", Fixtures.cloneProduct(), properties));

        assertThat(vm().memoryMib()).isEqualTo(6144);
    }

    @Test
    void terminateStopsThenDestroysWithPurge() {
        ServerResult result = extension.terminate(config, created);

        assertThat(pve.vm(100)).isEmpty();
        assertThat(pve.requests("DELETE /nodes/pve1/qemu/100").get(0).query())
                .containsEntry("purge", "1").containsEntry("destroy-unreferenced-disks", "1");
        assertThat(pve.requests().stream().map(r -> r.call()).toList())
                .containsSubsequence("POST /nodes/pve1/qemu/100/status/stop", "DELETE /nodes/pve1/qemu/100");
        assertThat(result.message()).contains("removed VM 100");
    }

    @Test
    void terminatingAVmThatIsGoneSucceedsAndSaysSo() {
        extension.terminate(config, created);

        ServerResult again = extension.terminate(config, created);

        assertThat(again.message()).contains("VM 100 on node pve1 no longer exists");
    }

    @Test
    void aVmRemovedByHandIsRecognisedWithoutTheReasonInTheBody() {
        // Spec §2.1.3 (and nodes before pve-http-server 5.2): the reason is only in the status line.
        pve.messagesInBody(false);
        extension.terminate(config, created);

        ServerResult again = extension.terminate(config, created);

        assertThat(again.message()).contains("VM 100 on node pve1 no longer exists");
        assertThat(pve.requests("GET /cluster/nextid")).last()
                .satisfies(r -> assertThat(r.query()).containsEntry("vmid", "100"));
    }

    @Test
    void aVmMovedToAnotherNodeIsNotTakenForGone() {
        pve.migrate(100, FakeProxmox.OTHER_NODE);

        assertThatThrownBy(() -> extension.terminate(config, created))
                .hasMessageContaining("Proxmox VE answered 500 to GET /nodes/pve1/qemu/100/status/current");
        assertThat(pve.vm(100)).isPresent();
    }

    @Test
    void terminatingAServiceWithoutAVmDoesNothing() {
        ServerResult result = extension.terminate(config, Fixtures.service("43", Fixtures.cloneProduct(), Map.of()));

        assertThat(result.message()).contains("no Proxmox VM recorded");
        assertThat(pve.requests()).isEmpty();
    }

    @Test
    void operationsOnAServiceWithoutAVmSayWhatIsMissing() {
        ServiceRequest none = Fixtures.service("43", Fixtures.cloneProduct(), Map.of());

        assertThatThrownBy(() -> extension.suspend(config, none)).hasMessageContaining("no Proxmox VM recorded");
        assertThatThrownBy(() -> extension.upgrade(config, none)).hasMessageContaining("no Proxmox VM recorded");
    }

    @Test
    void consoleLinkOpensTheVmsNoVncConsole() {
        String url = extension.loginUrl(config, created);

        assertThat(url).isEqualTo(pve.baseUri() + "/?console=kvm&novnc=1&vmid=100&node=pve1&resize=scale");
        assertThat(extension.actions(config, created)).singleElement()
                .satisfies(a -> assertThat(a.url()).isEqualTo(url));
        assertThat(extension.runAction(config, created, "console")).isEqualTo(url);
        assertThatThrownBy(() -> extension.runAction(config, created, "reboot")).hasMessageContaining("no action 'reboot'");
    }
}
