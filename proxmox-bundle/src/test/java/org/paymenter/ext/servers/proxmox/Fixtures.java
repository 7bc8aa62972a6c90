package org.paymenter.ext.servers.proxmox;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.User;
import org.paymenter.ext.api.config.ConfigValidator;
import org.paymenter.ext.api.config.ValidationResult;
import org.paymenter.ext.api.server.Service;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.testkit.fakes.proxmox.FakeProxmox;

/** Instance configs and service requests as the host builds them, pointing at a {@link FakeProxmox}. */
final class Fixtures {

    static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB+x/y=z customer@laptop";

    private Fixtures() {
    }

    /** The fake's instance config with {@code overrides}, validated against the extension's own schema. */
    static InstanceConfig config(FakeProxmox pve, Map<String, ?> overrides) {
        Map<String, Object> input = new HashMap<>(pve.instanceConfig());
        input.putAll(overrides);
        ValidationResult result = ConfigValidator.validate(InstanceFields.SCHEMA, input);
        if (!result.isValid()) {
            throw new AssertionError("the extension's schema rejects the test config: " + result.errors());
        }
        return new InstanceConfig("inst-1", "eu-1", result.values());
    }

    static InstanceConfig config(FakeProxmox pve) {
        return config(pve, Map.of());
    }

    /** A plan that clones the fake's template, with settings as text, as Paymenter stores them. */
    static Map<String, Object> cloneProduct() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("node", FakeProxmox.NODE);
        s.put("template", String.valueOf(FakeProxmox.TEMPLATE_VMID));
        s.put("storage", FakeProxmox.IMAGE_STORAGE);
        s.put("bridge", FakeProxmox.BRIDGE);
        s.put("cores", "2");
        s.put("memory", "4096");
        s.put("disk", "20");
        s.put("vlan", "20");
        s.put("ipconfig", "ip=203.0.113.10/24,gw=203.0.113.1");
        return s;
    }

    static ServiceRequest service(String id, Map<String, ?> settings, Map<String, String> properties) {
        Service service = new Service(id, "7", "3", "active", new BigDecimal("9.99"), "EUR", 1, "month");
        return new ServiceRequest(service, new User("7", "jane@example.com", "Jane", "Doe"), Map.copyOf(settings),
                properties);
    }

    /** A new service ordered with a host name and an SSH key at checkout. */
    static ServiceRequest newService(Map<String, ?> settings) {
        return service("42", settings, Map.of("hostname", "web1.example.com", "ssh_key", SSH_KEY));
    }
}
