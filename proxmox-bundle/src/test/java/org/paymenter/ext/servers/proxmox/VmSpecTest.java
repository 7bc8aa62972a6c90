package org.paymenter.ext.servers.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.ExtensionException;

class VmSpecTest {

    @Test
    void settingsAsTextOrJsonNumbersReadTheSame() {
        VmSpec fromText = VmSpec.from(Fixtures.service("1", Map.of("cores", "4", "memory", "2048", "onboot", "0"),
                Map.of()), TestConnections.DEFAULTS);
        VmSpec fromJson = VmSpec.from(Fixtures.service("1", Map.of("cores", 4, "memory", new BigDecimal("2048"),
                "onboot", false), Map.of()), TestConnections.DEFAULTS);

        assertThat(fromJson).isEqualTo(fromText);
        assertThat(fromText.cores()).isEqualTo(4);
        assertThat(fromText.onBoot()).isFalse();
    }

    @Test
    void emptySettingsTakeTheInstanceAndProductDefaults() {
        VmSpec spec = VmSpec.from(Fixtures.service("Order #77", Map.of(), Map.of()), TestConnections.DEFAULTS);

        assertThat(spec.node()).isEqualTo("pve1");
        assertThat(spec.storage()).isEqualTo("local-lvm");
        assertThat(spec.bridge()).isEqualTo("vmbr0");
        assertThat(spec.memoryMib()).isEqualTo(ProxmoxDefaults.MEMORY_MIB);
        assertThat(spec.template()).isEmpty();
        assertThat(spec.hostname()).isEqualTo("vm-order-77");
        assertThat(spec.staticIpv4()).isEmpty();
    }

    @Test
    void badNumberIsNamedWithItsRange() {
        assertThatThrownBy(() -> VmSpec.from(Fixtures.service("1", Map.of("memory", "lots"), Map.of()),
                TestConnections.DEFAULTS))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("setting 'memory' must be a whole number from 16 to 4194304, not 'lots'");
    }

    @Test
    void invalidHostnameFromCheckoutIsRefused() {
        assertThatThrownBy(() -> VmSpec.from(Fixtures.service("1", Map.of(), Map.of("hostname", "bad_name!")),
                TestConnections.DEFAULTS)).hasMessageContaining("'bad_name!' is not a valid host name");
    }

    @Test
    void staticAddressIsTakenFromTheIpConfig() {
        VmSpec spec = VmSpec.from(Fixtures.service("1", Map.of("ipconfig", "ip6=auto,ip=198.51.100.7/25,gw=198.51.100.1"),
                Map.of()), TestConnections.DEFAULTS);

        assertThat(spec.staticIpv4()).contains("198.51.100.7");
    }
}
