package org.paymenter.ext.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    private static final List<ConfigField> SCHEMA = List.of(
            ConfigField.text("host").label("Host").required().build(),
            ConfigField.number("port").label("Port").min(1).max(65535).defaultValue(8006).build(),
            ConfigField.password("token").label("API token").required().build(),
            ConfigField.email("contact").build(),
            ConfigField.url("api_base").defaultValue("https://api.example.com").advanced().build(),
            ConfigField.checkbox("verify_tls").defaultValue(true).build(),
            ConfigField.select("region", FieldOption.of("eu"), FieldOption.of("us")).build(),
            ConfigField.select("events", FieldOption.of("created"), FieldOption.of("paid")).multiple().build(),
            ConfigField.of("note", FieldType.PLACEHOLDER).label("Read the docs").build());

    private static Map<String, Object> valid() {
        Map<String, Object> v = new HashMap<>();
        v.put("host", "pve.example.com");
        v.put("token", "s3cret");
        return v;
    }

    @Test
    void fillsDefaultsAndConvertsTypes() {
        Map<String, Object> input = valid();
        input.put("port", "8443");
        input.put("verify_tls", "0");
        input.put("events", "created, paid");
        ValidationResult result = ConfigValidator.validate(SCHEMA, input);
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("port", new BigDecimal("8443"))
                .containsEntry("verify_tls", false)
                .containsEntry("api_base", "https://api.example.com")
                .containsEntry("events", List.of("created", "paid"))
                .doesNotContainKey("note");
    }

    @Test
    void reportsEveryErrorAtOnce() {
        Map<String, Object> input = new HashMap<>();
        input.put("port", "abc");
        input.put("contact", "not-an-address");
        input.put("api_base", "ftp://x");
        input.put("verify_tls", "maybe");
        input.put("region", "asia");
        input.put("events", List.of("created", "refunded"));
        input.put("hots", "typo");
        ValidationResult result = ConfigValidator.validate(SCHEMA, input);
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "hots", "host", "port", "token", "contact", "api_base", "verify_tls", "region", "events");
        assertThat(result.errors()).extracting(FieldError::message).contains(
                "Host is required", "Port must be a number", "API token is required",
                "contact must be an e-mail address", "api_base must be an http or https URL",
                "verify_tls must be true or false", "region must be one of [eu, us], not 'asia'",
                "events must be one of [created, paid], not 'refunded'");
        assertThat(result.errors()).filteredOn(e -> e.field().equals("hots")).first()
                .extracting(FieldError::message).asString().contains("not a field of this extension");
    }

    @Test
    void checksNumberRange() {
        Map<String, Object> input = valid();
        input.put("port", 0);
        assertThat(ConfigValidator.validate(SCHEMA, input).errors())
                .containsExactly(new FieldError("port", "Port must be at least 1"));
        input.put("port", 70000);
        assertThat(ConfigValidator.validate(SCHEMA, input).errors())
                .containsExactly(new FieldError("port", "Port must be at most 65535"));
    }

    @Test
    void singleSelectRefusesAList() {
        Map<String, Object> input = valid();
        input.put("region", List.of("eu", "us"));
        assertThat(ConfigValidator.validate(SCHEMA, input).errors()).extracting(FieldError::message)
                .containsExactly("region takes one value, not a list");
    }

    @Test
    void regexAndIntegerRules() {
        List<ConfigField> schema = List.of(
                ConfigField.text("node").rule("regex:/^[a-z0-9-]+$/").build(),
                ConfigField.number("cores").rule("integer").build());
        assertThat(ConfigValidator.validate(schema, Map.of("node", "pve-1", "cores", "4")).isValid()).isTrue();
        assertThat(ConfigValidator.validate(schema, Map.of("node", "PVE 1", "cores", "4.5")).errors())
                .extracting(FieldError::field).containsExactly("node", "cores");
    }

    @Test
    void authorsMistakesFailWhenTheFieldIsDeclared() {
        assertThatThrownBy(() -> ConfigField.text("x").rule("uuid").build())
                .hasMessageContaining("unknown rule 'uuid'");
        assertThatThrownBy(() -> ConfigField.number("x").min(10).max(1).build()).hasMessageContaining("min > max");
    }
}
