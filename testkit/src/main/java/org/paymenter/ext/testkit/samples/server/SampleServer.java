package org.paymenter.ext.testkit.samples.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
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
 * A server extension that talks to nothing. Its version is its bundle's, so a test sees which build
 * serves; its lifecycle hooks append a line to {@code <data>/hooks.log} so a test can see when they ran.
 */
@Component(service = ServerExtension.class)
public class SampleServer implements ServerExtension {

    public static final String NAME = "sampleserver";
    /** testConnection fails for this host. */
    public static final String UNREACHABLE_HOST = "unreachable.invalid";
    public static final String HOOKS_LOG = "hooks.log";

    private BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    private String version() {
        return FrameworkUtil.getBundle(getClass()).getVersion().toString();
    }

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of(NAME, "Sample server", "Provisions nothing; for tests.", version(), "testkit");
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(
                ConfigField.text("host").label("Host").required().build(),
                ConfigField.number("port").label("Port").min(1).max(65535).defaultValue(8006).build(),
                ConfigField.password("token").label("API token").build(),
                ConfigField.checkbox("verify_tls").label("Verify TLS").defaultValue(true).build());
    }

    @Override
    public TestResult testConnection(InstanceConfig config) {
        String host = config.requireString("host");
        if (UNREACHABLE_HOST.equals(host)) {
            return TestResult.failed("cannot reach " + host);
        }
        // The token's length, never the token: lets a test see that a stored secret came back decrypted.
        String token = config.string("token", "");
        return TestResult.ok("connected to " + host + ":" + config.integer("port", 8006)
                + (token.isEmpty() ? " without a token" : " with a token of " + token.length() + " characters"));
    }

    @Override
    public List<ConfigField> productConfig(InstanceConfig config, Map<String, Object> current) {
        return List.of(ConfigField.number("memory").label("Memory (MB)").min(128).defaultValue(1024).build());
    }

    @Override
    public ServerResult create(InstanceConfig config, ServiceRequest request) {
        String id = request.service().id();
        return ServerResult.done("created vm-" + id).withProperty("remote_id", "vm-" + id)
                .withData("username", "user" + id);
    }

    @Override
    public ServerResult suspend(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("suspended " + request.property("remote_id")).withProperty("suspended", "true");
    }

    @Override
    public ServerResult unsuspend(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("unsuspended " + request.property("remote_id")).withProperty("suspended", "false");
    }

    @Override
    public ServerResult terminate(InstanceConfig config, ServiceRequest request) {
        return ServerResult.done("terminated " + request.property("remote_id")).withProperty("terminated", "true");
    }

    @Override
    public void installed() {
        hook("installed " + NAME + " " + version());
    }

    @Override
    public void upgraded(String oldVersion) {
        hook("upgraded " + NAME + " " + oldVersion + " -> " + version());
    }

    @Override
    public void uninstalled() {
        hook("uninstalled " + NAME + " " + version());
    }

    private void hook(String line) {
        String dataDir = context.getProperty("paymenter.data.dir");
        try {
            Files.writeString(Path.of(dataDir, HOOKS_LOG), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
