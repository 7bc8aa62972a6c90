package org.paymenter.ext.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ExtensionMetadataTest {

    @Test
    void nameIsALowercaseIdentifier() {
        assertThat(ExtensionMetadata.of("paypalipn", "PayPal IPN", "d", "1.0", "a").name()).isEqualTo("paypalipn");
        assertThatThrownBy(() -> ExtensionMetadata.of("PayPal", null, null, null, null))
                .hasMessageContaining("lowercase");
        assertThatThrownBy(() -> ExtensionMetadata.of("pay-pal", null, null, null, null))
                .hasMessageContaining("lowercase");
    }

    @Test
    void displayNameDefaultsToName() {
        assertThat(ExtensionMetadata.of("stripe", " ", null, null, null).displayName()).isEqualTo("stripe");
    }

    @Test
    void instanceConfigNeverPrintsValues() {
        InstanceConfig config = new InstanceConfig("abc", "eu-1", Map.of("token", "s3cret"));
        assertThat(config.toString()).doesNotContain("s3cret").contains("token");
        assertThat(config.requireString("token")).isEqualTo("s3cret");
        assertThatThrownBy(() -> config.requireString("host")).hasMessage("instance 'eu-1' has no value for 'host'");
    }
}
