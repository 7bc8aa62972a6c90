package org.paymenter.ext.testkit.samples.throwing;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.api.server.TestResult;

/**
 * A server extension that never comes up: its activation throws. Immediate, so SCR activates it as soon
 * as the bundle starts rather than when someone first asks for the service.
 */
@Component(service = ServerExtension.class, immediate = true)
public class ThrowingServer implements ServerExtension {

    public static final String MESSAGE = "boom at activation";

    @Activate
    void activate() {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of("throwingserver", "Throwing server", "Fails to activate; for tests.", "1.0.0",
                "testkit");
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of();
    }

    @Override
    public TestResult testConnection(InstanceConfig config) {
        return TestResult.ok("unreachable code");
    }

    @Override
    public List<ConfigField> productConfig(InstanceConfig config, Map<String, Object> current) {
        return List.of();
    }

    @Override
    public ServerResult create(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("unreachable code");
    }

    @Override
    public ServerResult suspend(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("unreachable code");
    }

    @Override
    public ServerResult unsuspend(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("unreachable code");
    }

    @Override
    public ServerResult terminate(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("unreachable code");
    }
}
