package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.testkit.fakes.proxmox.FakeProxmox;
import org.paymenter.ext.testkit.fakes.proxmox.RecordedRequest;
import org.paymenter.ext.testkit.fakes.proxmox.VmState;

class CreateTest {

    private final ProxmoxServer extension = new ProxmoxServer();
    private FakeProxmox pve;
    private InstanceConfig config;

    @BeforeEach
    void startFake() {
        pve = FakeProxmox.start();
        config = Fixtures.config(pve);
    }

    @AfterEach
    void stopFake() {
        pve.close();
    }

    @Test
    void cloneOfTheTemplateGetsThePlansHardwareNetworkAndCloudInitAndRuns() {
        ServerResult result = extension.create(config, Fixtures.newService(Fixtures.cloneProduct()));

        VmState vm = pve.vm(100).orElseThrow();
        assertThat(vm.running()).isTrue();
        assertThat(vm.node()).isEqualTo(FakeProxmox.NODE);
        assertThat(vm.name()).isEqualTo("web1.example.com");
        assertThat(vm.cores()).isEqualTo(2);
        assertThat(vm.memoryMib()).isEqualTo(4096);
        assertThat(vm.diskGib()).isEqualTo(20);
        assertThat(vm.onBoot()).isTrue();
        assertThat(vm.config("scsi0")).startsWith(FakeProxmox.IMAGE_STORAGE + ":vm-100-disk-0");
        assertThat(vm.config("net0")).isEqualTo("virtio,bridge=vmbr0,tag=20");
        assertThat(vm.config("ipconfig0")).isEqualTo("ip=203.0.113.10/24,gw=203.0.113.1");
        assertThat(vm.ciUser()).isEqualTo("root");
        assertThat(vm.ciPassword()).contains((String) result.data().get("password"));
        assertThat(URLDecoder.decode(vm.sshKeys().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(Fixtures.SSH_KEY);
        assertThat(pve.vm(FakeProxmox.TEMPLATE_VMID).orElseThrow().template()).isTrue();
    }

    @Test
    void resultStoresVmidAndNodeAndGivesTheCustomerCredentialsAndAddress() {
        ServerResult result = extension.create(config, Fixtures.newService(Fixtures.cloneProduct()));

        assertThat(result.properties()).containsEntry("vmid", "100").containsEntry("node", FakeProxmox.NODE)
                .containsEntry("hostname", "web1.example.com").containsEntry("username", "root");
        assertThat(result.properties()).doesNotContainKey("password");
        assertThat(result.data()).containsEntry("ip", "203.0.113.10").containsEntry("username", "root")
                .containsEntry("hostname", "web1.example.com").containsKey("password");
        assertThat((String) result.data().get("password")).matches("[A-Za-z0-9]{16}");
        assertThat(result.message()).contains("VM 100", "disk scsi0 grown from 2 to 20 GiB");
    }

    @Test
    void everyCallCarriesTheTokenHeaderAndJsonBodies() {
        extension.create(config, Fixtures.newService(Fixtures.cloneProduct()));

        assertThat(pve.requests()).allSatisfy(r -> assertThat(r.authorization())
                .isEqualTo("PVEAPIToken=" + FakeProxmox.TOKEN_ID + "=" + pve.tokenSecret()));
        assertThat(pve.requests()).filteredOn(r -> r.method().equals("POST") || r.method().equals("PUT"))
                .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/json"));
        RecordedRequest clone = pve.requests("POST /nodes/pve1/qemu/9000/clone").get(0);
        assertThat(clone.params()).containsEntry("newid", "100").containsEntry("full", "1")
                .containsEntry("storage", FakeProxmox.IMAGE_STORAGE).containsEntry("target", FakeProxmox.NODE)
                .containsEntry("name", "web1.example.com");
    }

    @Test
    void eachTaskIsPolledUntilItStopsBeforeTheNextStep() {
        pve.taskPolls(3);

        extension.create(config, Fixtures.newService(Fixtures.cloneProduct()));

        List<String> calls = pve.requests().stream().map(RecordedRequest::call)
                .map(c -> c.replaceAll("UPID:[^/]+", "UPID")).toList();
        assertThat(calls).containsSubsequence("GET /cluster/nextid", "POST /nodes/pve1/qemu/9000/clone",
                "GET /nodes/pve1/tasks/UPID/status", "PUT /nodes/pve1/qemu/100/config",
                "PUT /nodes/pve1/qemu/100/resize", "GET /nodes/pve1/tasks/UPID/status",
                "POST /nodes/pve1/qemu/100/status/start", "GET /nodes/pve1/tasks/UPID/status");
        // 3 running answers and the stopped one, for each of clone, resize and start.
        assertThat(calls).filteredOn(c -> c.endsWith("/status") && c.contains("tasks")).hasSize(12);
    }

    @Test
    void newVmFromAnIsoGetsADiskOfThePlansSizeAndBootsTheInstaller() {
        Map<String, Object> product = new HashMap<>(Fixtures.cloneProduct());
        product.remove("template");
        product.put("iso", FakeProxmox.ISO);

        extension.create(config, Fixtures.newService(product));

        VmState vm = pve.vm(100).orElseThrow();
        assertThat(vm.running()).isTrue();
        assertThat(vm.diskGib()).isEqualTo(20);
        assertThat(vm.config("ide2")).isEqualTo(FakeProxmox.ISO + ",media=cdrom");
        assertThat(vm.config("ide0")).contains("cloudinit");
        assertThat(vm.config("boot")).isEqualTo("order=scsi0;ide2");
        assertThat(pve.requests("POST /nodes/pve1/qemu").get(0).params()).containsEntry("vmid", "100")
                .containsEntry("scsi0", FakeProxmox.IMAGE_STORAGE + ":20").containsEntry("ostype", "l26");
    }

    @Test
    void failedCloneTaskNamesItsExitStatusAndLeavesNoVm() {
        pve.failNextTask("qmclone", "clone failed: not enough space on storage 'local-lvm'");

        assertThatThrownBy(() -> extension.create(config, Fixtures.newService(Fixtures.cloneProduct())))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("clone failed: not enough space on storage 'local-lvm'")
                .hasMessageContaining("the clone of template 9000 into VM 100 on node pve1 failed (task qmclone): ");
        assertThat(pve.vm(100)).isEmpty();
    }

    @Test
    void failedStartRemovesTheHalfBuiltVm() {
        pve.failNextTask("qmstart", "start failed: QEMU exited with code 1");

        assertThatThrownBy(() -> extension.create(config, Fixtures.newService(Fixtures.cloneProduct())))
                .hasMessageContaining("start failed: QEMU exited with code 1")
                .hasMessageContaining("the half-built VM 100 on node pve1 was removed");
        assertThat(pve.vm(100)).isEmpty();
        assertThat(pve.requests("DELETE /nodes/pve1/qemu/100")).hasSize(1);
    }

    @Test
    void templateDiskBiggerThanThePlanIsKeptAndNoShrinkIsSent() {
        Map<String, Object> product = new HashMap<>(Fixtures.cloneProduct());
        product.put("disk", "1");

        ServerResult result = extension.create(config, Fixtures.newService(product));

        assertThat(pve.vm(100).orElseThrow().diskGib()).isEqualTo(FakeProxmox.TEMPLATE_DISK_GIB);
        assertThat(pve.requests("PUT /nodes/pve1/qemu/100/resize")).isEmpty();
        assertThat(result.message()).contains("kept at 2 GiB", "cannot shrink");
    }

    @Test
    void serviceThatAlreadyHasAVmIsRefusedWithoutTouchingTheCluster() {
        var request = Fixtures.service("42", Fixtures.cloneProduct(), Map.of("vmid", "100", "node", "pve1"));

        assertThatThrownBy(() -> extension.create(config, request))
                .hasMessageContaining("already has VM 100 on node pve1");
        assertThat(pve.requests()).isEmpty();
    }

    @Test
    void productWithNeitherTemplateNorIsoIsRefused() {
        Map<String, Object> product = new HashMap<>(Fixtures.cloneProduct());
        product.remove("template");

        assertThatThrownBy(() -> extension.create(config, Fixtures.newService(product)))
                .hasMessageContaining("neither a template to clone nor an ISO");
    }

    @Test
    void secondServiceGetsTheNextFreeVmid() {
        extension.create(config, Fixtures.newService(Fixtures.cloneProduct()));
        ServerResult second = extension.create(config, Fixtures.service("43", Fixtures.cloneProduct(), Map.of()));

        assertThat(second.properties()).containsEntry("vmid", "101").containsEntry("hostname", "vm-43");
        assertThat(pve.vm(101).orElseThrow().running()).isTrue();
    }
}
