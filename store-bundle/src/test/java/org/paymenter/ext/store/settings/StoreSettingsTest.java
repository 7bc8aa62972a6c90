package org.paymenter.ext.store.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void defaultsToTheEmbeddedDatabaseInTheDataFolder() {
        StoreSettings s = StoreSettings.from(Map.of(StoreSettings.DATA_DIR, "/srv/data")::get, Map.of());
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:h2:file:/srv/data/db/paymenter;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        assertThat(s.poolSize()).isEqualTo(StoreSettings.DEFAULT_POOL_SIZE);
        assertThat(s.panelCallback()).isEmpty();
        assertThat(s.callbackSecret()).isEmpty();
    }

    @Test
    void readsPropertiesAndEnvironment() {
        StoreSettings s = StoreSettings.from(Map.of(StoreSettings.DATA_DIR, "data",
                StoreSettings.DB_URL, "jdbc:postgresql://db/pay", StoreSettings.POOL_SIZE, "4",
                StoreSettings.PANEL_CALLBACK_URL, "https://panel.example/hooks/runtime")::get,
                Map.of(StoreSettings.ENV_DB_USER, "pay", StoreSettings.ENV_DB_PASSWORD, "pw",
                        StoreSettings.ENV_CALLBACK_SECRET, "cbs"));
        assertThat(s.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db/pay");
        assertThat(s.databaseUser()).contains("pay");
        assertThat(s.databasePassword()).contains("pw");
        assertThat(s.poolSize()).isEqualTo(4);
        assertThat(s.panelCallback()).contains(URI.create("https://panel.example/hooks/runtime"));
        assertThat(s.callbackSecret()).contains("cbs");
    }

    @Test
    void refusesValuesItCannotUseWithASentence() {
        assertThatThrownBy(() -> StoreSettings.from(Map.<String, String>of()::get, Map.of()))
                .hasMessageContaining(StoreSettings.DATA_DIR + " is not set");
        assertThatThrownBy(() -> StoreSettings.from(Map.of(StoreSettings.DATA_DIR, "d",
                StoreSettings.PANEL_CALLBACK_URL, "ftp://x")::get, Map.of())).hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> StoreSettings.from(Map.of(StoreSettings.DATA_DIR, "d",
                StoreSettings.POOL_SIZE, "many")::get, Map.of())).hasMessageContaining("whole number");
    }
}
