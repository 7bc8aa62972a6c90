package org.paymenter.ext.bench.apiprobe.server;

import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.api.server.TestResult;

/** A server extension for bench-api; its name is the last segment of its bundle's symbolic name. */
@Component(service = ServerExtension.class)
public class ProbeServer implements ServerExtension {

    private ExtensionMetadata metadata;

    @Activate
    void activate(BundleContext context) {
        String bsn = context.getBundle().getSymbolicName();
        String name = bsn.substring(bsn.lastIndexOf('.') + 1);
        metadata = ExtensionMetadata.of(name, "Bench server " + name,
                "Provisions nothing; one of the sixteen extensions of scripts/bench-api.",
                context.getBundle().getVersion().toString(), "benchmarks");
    }

    @Override
    public ExtensionMetadata metadata() {
        return metadata;
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(ConfigField.text("host").label("Host").required().build(),
                ConfigField.password("token").label("API token").build());
    }

    @Override
    public TestResult testConnection(InstanceConfig config) {
        return TestResult.ok("connected");
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
