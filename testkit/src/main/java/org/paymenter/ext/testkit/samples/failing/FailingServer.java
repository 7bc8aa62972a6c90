package org.paymenter.ext.testkit.samples.failing;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.api.server.TestResult;

/**
 * A server extension whose remote panel refuses everything: it comes up fine, but its operations throw,
 * the way a real one does when the remote system answers with an error. {@code create} and
 * {@code testConnection} throw an {@link ExtensionException} (the admin-readable refusal), {@code suspend}
 * an unexpected {@link IllegalStateException} (a bug in the extension).
 */
@Component(service = ServerExtension.class)
public class FailingServer implements ServerExtension {

    public static final String NAME = "failingserver";
    /** What {@code create} and {@code testConnection} say. */
    public static final String REFUSAL = "the panel answered 403: API token lacks the create permission";
    /** What {@code suspend} throws, as an IllegalStateException. */
    public static final String BUG = "remote answered an empty body";

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of(NAME, "Failing server", "Its operations fail; for tests.", "1.0.0", "testkit");
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(ConfigField.text("host").label("Host").build());
    }

    @Override
    public TestResult testConnection(InstanceConfig config) {
        throw new ExtensionException(REFUSAL);
    }

    @Override
    public List<ConfigField> productConfig(InstanceConfig config, Map<String, Object> current) {
        throw new ExtensionException(REFUSAL);
    }

    @Override
    public ServerResult create(InstanceConfig config, ServiceRequest request) {
        throw new ExtensionException(REFUSAL);
    }

    @Override
    public ServerResult suspend(InstanceConfig config, ServiceRequest request) {
        throw new IllegalStateException(BUG);
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
