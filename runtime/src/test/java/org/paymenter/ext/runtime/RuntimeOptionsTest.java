package org.paymenter.ext.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class RuntimeOptionsTest {

    private static RuntimeOptions parse(String... args) {
        return RuntimeOptions.parse(args, List.of(), false);
    }

    @Test
    void defaultsWorkFromTheProjectDirectory() {
        RuntimeOptions o = parse();
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.bundlesDir()).isEqualTo(Path.of("bundles-dir").toAbsolutePath());
        assertThat(o.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void acceptsSpaceAndEqualsForms() {
        RuntimeOptions o = parse("--port", "9090", "--host=0.0.0.0", "--bundles", "/tmp/b", "--data=/tmp/d");
        assertThat(o.port()).isEqualTo(9090);
        assertThat(o.host()).isEqualTo("0.0.0.0");
        assertThat(o.bundlesDir()).isEqualTo(Path.of("/tmp/b"));
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/d"));
    }

    @Test
    void refusesWhatItDoesNotUnderstandWithASentence() {
        assertThatThrownBy(() -> parse("--prot", "80")).hasMessageContaining("unknown option '--prot'")
                .hasMessageContaining("usage:");
        assertThatThrownBy(() -> parse("--port", "eighty")).hasMessage("--port must be a number, not 'eighty'");
        assertThatThrownBy(() -> parse("--port", "70000")).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> parse("--data")).hasMessageContaining("--data needs a value");
    }

    @Test
    void takesADatabaseUrlAndAPanelCallback() {
        RuntimeOptions o = parse("--db-url", "jdbc:postgresql://db:5432/pay", "--panel-callback=https://panel.example/cb");
        assertThat(o.databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/pay");
        assertThat(o.panelCallback()).isEqualTo("https://panel.example/cb");
        assertThat(parse().databaseUrl()).isNull();
        assertThat(parse().panelCallback()).isNull();
        assertThatThrownBy(() -> parse("--db-url", "jdbc:mysql://db/pay")).hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> parse("--panel-callback", "panel.example")).hasMessageContaining("http(s) URL");
    }
}
