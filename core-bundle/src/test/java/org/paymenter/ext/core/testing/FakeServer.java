package org.paymenter.ext.core.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.api.server.TestResult;

/** A server extension whose metadata and schema a test chooses; its operations answer trivially. */
public class FakeServer implements ServerExtension {

    private final Supplier<ExtensionMetadata> metadata;
    private final List<ConfigField> schema;

    public FakeServer(String name, String version) {
        this(name, version, List.of());
    }

    public FakeServer(String name, String version, List<ConfigField> schema) {
        this(() -> ExtensionMetadata.of(name, name, "", version, "tests"), schema);
    }

    public FakeServer(Supplier<ExtensionMetadata> metadata, List<ConfigField> schema) {
        this.metadata = metadata;
        this.schema = schema;
    }

    @Override
    public ExtensionMetadata metadata() {
        return metadata.get();
    }

    @Override
    public List<ConfigField> configSchema() {
        return schema;
    }

    @Override
    public TestResult testConnection(InstanceConfig config) {
        return TestResult.ok("reached " + config.string("host", "nowhere"));
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
