package org.paymenter.ext.servers.proxmox;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.http.HttpClients;
import org.paymenter.ext.api.server.Action;
import org.paymenter.ext.api.server.LoginLinks;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.ServiceActions;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.api.server.TestResult;
import org.paymenter.ext.api.server.Upgradable;

/**
 * Paymenter's Proxmox server extension (spec §2.1): QEMU/KVM virtual machines on a Proxmox VE cluster,
 * reached with an API token. Each call reads its instance's config afresh, so instances pointing at
 * different clusters never share anything but the HTTP client.
 */
@Component(service = ServerExtension.class)
public class ProxmoxServer implements ServerExtension, Upgradable, LoginLinks, ServiceActions {

    static final String NAME = "proxmox";
    private static final System.Logger LOG = System.getLogger(ProxmoxServer.class.getName());

    private final HttpClients httpClients = new HttpClients(ProxmoxClient::httpClientBuilder);
    private final PasswordGenerator passwords = new PasswordGenerator();
    /** Instances already warned about, so the warning comes once per instance rather than once per call. */
    private final Set<String> warnedUnverified = ConcurrentHashMap.newKeySet();

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of(NAME, "Proxmox VE", "Manage Proxmox VE virtual machines directly from Paymenter.",
                version(), "Paymenter");
    }

    private String version() {
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        return bundle == null ? "0.0.0" : bundle.getVersion().toString();
    }

    @Override
    public List<ConfigField> configSchema() {
        return InstanceFields.SCHEMA;
    }

    @Override
    public TestResult testConnection(InstanceConfig config) {
        ProxmoxClient client;
        try {
            client = client(config);
        } catch (ExtensionException e) {
            return TestResult.failed(e.getMessage()); // an unusable host is the test's answer, not an error
        }
        return new ConnectionCheck(client).run();
    }

    @Override
    public List<ConfigField> productConfig(InstanceConfig config, Map<String, Object> current) {
        ProxmoxClient client = client(config);
        Connection connection = client.connection();
        String node = new SettingsReader(current).text(ProductFields.NODE, connection.defaultNode());
        try {
            return ProductFields.product(Optional.of(ClusterCatalog.read(client, node)), "", connection);
        } catch (ExtensionException e) {
            LOG.log(Level.INFO, "product form of Proxmox instance {0} offers no cluster choices: {1}",
                    connection.instanceName(), e.getMessage());
            return ProductFields.product(Optional.empty(), e.getMessage(), connection);
        }
    }

    @Override
    public List<ConfigField> checkoutConfig(InstanceConfig config, Map<String, Object> productSettings) {
        return ProductFields.checkout();
    }

    @Override
    public ServerResult create(InstanceConfig config, ServiceRequest request) {
        return new VmProvisioner(client(config), passwords).create(request);
    }

    @Override
    public ServerResult suspend(InstanceConfig config, ServiceRequest request) {
        return new VmLifecycle(client(config)).suspend(request);
    }

    @Override
    public ServerResult unsuspend(InstanceConfig config, ServiceRequest request) {
        return new VmLifecycle(client(config)).unsuspend(request);
    }

    @Override
    public ServerResult terminate(InstanceConfig config, ServiceRequest request) {
        return new VmLifecycle(client(config)).terminate(request);
    }

    @Override
    public ServerResult upgrade(InstanceConfig config, ServiceRequest request) {
        return new VmLifecycle(client(config)).upgrade(request);
    }

    @Override
    public String loginUrl(InstanceConfig config, ServiceRequest request) {
        Connection connection = Connection.from(config);
        return ConsoleLinks.url(connection, VmRef.require(request, connection));
    }

    @Override
    public List<Action> actions(InstanceConfig config, ServiceRequest request) {
        Connection connection = Connection.from(config);
        return VmRef.of(request, connection).map(vm -> List.of(ConsoleLinks.action(connection, vm))).orElse(List.of());
    }

    @Override
    public String runAction(InstanceConfig config, ServiceRequest request, String function) {
        if (!ConsoleLinks.CONSOLE.equals(function)) {
            throw new ExtensionException("Proxmox has no action '" + function + "'; it has: " + ConsoleLinks.CONSOLE);
        }
        return loginUrl(config, request);
    }

    private ProxmoxClient client(InstanceConfig config) {
        Connection connection = Connection.from(config);
        warnIfExposed(config.id(), connection);
        return new ProxmoxClient(httpClients.client(connection.verifyTls()), connection);
    }

    private void warnIfExposed(String instanceId, Connection connection) {
        String risk = "http".equals(connection.base().getScheme()) ? "sends its API token unencrypted to "
                : connection.verifyTls() ? null : "does not verify the TLS certificate of ";
        if (risk != null && warnedUnverified.add(instanceId)) {
            LOG.log(Level.WARNING, "Proxmox instance {0} ({1}) {2}{3}; anyone on the path can read the token",
                    connection.instanceName(), instanceId, risk, connection.base());
        }
    }
}
