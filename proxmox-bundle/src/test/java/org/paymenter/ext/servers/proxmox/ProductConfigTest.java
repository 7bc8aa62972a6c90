package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.FieldOption;
import org.paymenter.ext.testkit.fakes.proxmox.FakeProxmox;

class ProductConfigTest {

    private final ProxmoxServer extension = new ProxmoxServer();

    private static ConfigField field(List<ConfigField> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> values(List<ConfigField> fields, String name) {
        return field(fields, name).options().stream().map(FieldOption::value).toList();
    }

    @Test
    void choicesAreReadFromTheCluster() {
        try (FakeProxmox pve = FakeProxmox.start()) {
            List<ConfigField> fields = extension.productConfig(Fixtures.config(pve), Map.of());

            assertThat(values(fields, "node")).containsExactly("pve1", "pve2");
            assertThat(field(fields, "node").options().get(0).label()).isEqualTo("pve1 (online)");
            assertThat(field(fields, "node").live()).isTrue();
            assertThat(values(fields, "template")).containsExactly("9000");
            assertThat(field(fields, "template").options().get(0).label()).isEqualTo("debian-12-cloud (9000)");
            assertThat(values(fields, "iso")).contains(FakeProxmox.ISO);
            // Only storages that hold VM disks; only bridges that are up.
            assertThat(values(fields, "storage")).containsExactly(FakeProxmox.IMAGE_STORAGE);
            assertThat(values(fields, "bridge")).containsExactly("vmbr0", "vmbr1");
            assertThat(field(fields, "storage").defaultValue()).isEqualTo(FakeProxmox.IMAGE_STORAGE);
        }
    }

    @Test
    void aListTheNodeCannotGiveIsLeftEmptyAndTheRestIsStillOffered() {
        try (FakeProxmox pve = FakeProxmox.start()) {
            pve.respondWith500("/nodes/pve1/qemu", "storage 'nfs-templates' is not online");

            List<ConfigField> fields = extension.productConfig(Fixtures.config(pve), Map.of());

            assertThat(values(fields, "template")).isEmpty();
            assertThat(values(fields, "node")).containsExactly("pve1", "pve2");
            assertThat(values(fields, "storage")).containsExactly(FakeProxmox.IMAGE_STORAGE);
            assertThat(values(fields, "iso")).contains(FakeProxmox.ISO);
            assertThat(pve.requests("GET /nodes/pve1/storage")).allSatisfy(r -> assertThat(r.query())
                    .containsEntry("enabled", "1"));
        }
    }

    @Test
    void templatesFollowTheChosenNode() {
        try (FakeProxmox pve = FakeProxmox.start()) {
            List<ConfigField> fields = extension.productConfig(Fixtures.config(pve), Map.of("node", "pve2"));

            assertThat(values(fields, "template")).isEmpty();
            assertThat(pve.requests("GET /nodes/pve2/qemu")).hasSize(1);
        }
    }

    @Test
    void unreachableClusterGivesTheSameFieldsWithoutChoicesAndSaysWhy() {
        InstanceConfig config;
        try (FakeProxmox closed = FakeProxmox.start()) {
            config = Fixtures.config(closed);
        }
        // The fake is gone: nothing answers at its address any more.

        List<ConfigField> fields = extension.productConfig(config, Map.of());

        assertThat(fields).extracting(ConfigField::name).contains("node", "template", "iso", "storage", "bridge",
                "cores", "memory", "disk");
        assertThat(field(fields, "template").options()).isEmpty();
        assertThat(field(fields, "node").description()).contains("Could not read the choices from the cluster",
                "cannot connect");
        assertThat(field(fields, "node").defaultValue()).isEqualTo(FakeProxmox.NODE);
    }

    @Test
    void checkoutAsksForHostnameAndSshKey() {
        try (FakeProxmox pve = FakeProxmox.start()) {
            List<ConfigField> fields = extension.checkoutConfig(Fixtures.config(pve), Map.of());

            assertThat(fields).extracting(ConfigField::name).containsExactly("hostname", "ssh_key");
            assertThat(field(fields, "hostname").required()).isTrue();
        }
    }
}
