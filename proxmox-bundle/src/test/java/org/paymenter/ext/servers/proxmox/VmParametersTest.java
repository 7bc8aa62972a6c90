package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VmParametersTest {

    /** The check Proxmox VE applies to {@code sshkeys}. */
    private static final String PVE_URLENCODED = "[-%a-zA-Z0-9_.!~*'()]*";

    private static VmSpec spec(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(Fixtures.cloneProduct());
        settings.putAll(overrides);
        return VmSpec.from(Fixtures.service("42", settings, Map.of()), TestConnections.DEFAULTS);
    }

    @Test
    void sshKeysAreEncodedSoProxmoxAcceptsThemAndDecodeBackExactly() {
        String keys = "ssh-rsa AAAAB3Nza+/= a@b\r\nssh-ed25519 AAAAC3 c@d (laptop)";

        String encoded = VmParameters.encodeSshKeys(keys);

        assertThat(encoded).matches(PVE_URLENCODED).doesNotContain("+");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
                .isEqualTo("ssh-rsa AAAAB3Nza+/= a@b\nssh-ed25519 AAAAC3 c@d (laptop)");
    }

    @Test
    void nicTakesModelBridgeAndOptionalVlanTag() {
        assertThat(VmParameters.net0(spec(Map.of("model", "e1000", "bridge", "vmbr1"))))
                .isEqualTo("e1000,bridge=vmbr1,tag=20");
        assertThat(VmParameters.net0(spec(Map.of("vlan", "")))).isEqualTo("virtio,bridge=vmbr0");
    }

    @Test
    void cloneIsAFullCopyOnTheProductsStorage() {
        assertThat(VmParameters.cloneOf(spec(Map.of()), 105)).containsEntry("newid", 105).containsEntry("full", 1)
                .containsEntry("storage", "local-lvm").containsEntry("target", "pve1");
    }

    @Test
    void newVmGetsADiskOfThePlansSizeAndBootsFromItThenTheIso() {
        Map<String, Object> p = VmParameters.newVm(spec(Map.of("iso", "local:iso/a.iso", "disk", "32")), 105, "pw");

        assertThat(p).containsEntry("scsi0", "local-lvm:32").containsEntry("ide2", "local:iso/a.iso,media=cdrom")
                .containsEntry("ide0", "local-lvm:cloudinit").containsEntry("boot", "order=scsi0;ide2")
                .containsEntry("cipassword", "pw").containsEntry("onboot", 1).containsEntry("memory", 4096);
    }
}
