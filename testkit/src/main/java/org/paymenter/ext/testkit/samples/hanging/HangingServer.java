package org.paymenter.ext.testkit.samples.hanging;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.api.server.TestResult;

/**
 * A server extension whose remote system never answers: testConnection sleeps ten minutes, but gives up
 * when interrupted, as a well-behaved blocking client does when its caller times out.
 */
@Component(service = ServerExtension.class)
public class HangingServer implements ServerExtension {

    public static final String NAME = "hangingserver";

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of(NAME, "Hanging server", "Never answers; for tests.", "1.0.0", "testkit");
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(ConfigField.text("host").label("Host").build());
    }

    @Override
    public TestResult testConnection(InstanceConfig config) {
        try {
            Thread.sleep(10 * 60 * 1000L);
            return TestResult.ok("answered after ten minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TestResult.failed("interrupted");
        }
    }

    @Override
    public List<ConfigField> productConfig(InstanceConfig config, Map<String, Object> current) {
        return List.of();
    }

    @Override
    public ServerResult create(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("created");
    }

    @Override
    public ServerResult suspend(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("suspended");
    }

    @Override
    public ServerResult unsuspend(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("unsuspended");
    }

    @Override
    public ServerResult terminate(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("terminated");
    }
}
