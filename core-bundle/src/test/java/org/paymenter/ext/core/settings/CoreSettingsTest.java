package org.paymenter.ext.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CoreSettingsTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        CoreSettings settings = CoreSettings.from(key -> null);

        assertThat(settings.invokeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.hookTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.dataDir()).isEmpty();
        assertThatThrownBy(settings::requireDataDir).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paymenter.data.dir is not set");
    }

    @Test
    void frameworkPropertiesOverrideTheDefaults() {
        Map<String, String> properties = Map.of("paymenter.data.dir", "/var/lib/paymenter/../paymenter",
                "paymenter.invoke.timeout.ms", "2500", "paymenter.invoke.threads", "4");

        CoreSettings settings = CoreSettings.from(properties::get);

        assertThat(settings.requireDataDir()).isEqualTo(Path.of("/var/lib/paymenter"));
        assertThat(settings.invokeTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(settings.callThreads()).isEqualTo(4);
    }

    @Test
    void badNumbersFallBackToTheDefault() {
        Map<String, String> properties = Map.of("paymenter.invoke.timeout.ms", "soon",
                "paymenter.invoke.threads", "-3");

        CoreSettings settings = CoreSettings.from(properties::get);

        assertThat(settings.invokeTimeout()).isEqualTo(CoreSettings.DEFAULT_INVOKE_TIMEOUT);
        assertThat(settings.callThreads()).isEqualTo(CoreSettings.DEFAULT_CALL_THREADS);
    }
}
