package org.paymenter.ext.api.server;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;

/**
 * Provisions services on a remote panel or hypervisor (Paymenter's server extensions, spec §1.6).
 * Operations throw {@link org.paymenter.ext.api.ExtensionException} with an admin-readable message when
 * the remote system refuses; the host turns that into an error result.
 */
@ConsumerType
public interface ServerExtension extends Extension {

    /** Checks that the config reaches the remote system and is accepted by it. */
    TestResult testConnection(InstanceConfig config);

    /**
     * The product form's fields; options may be read live from the remote system (nodes, templates).
     *
     * @param current the form's current values, for dependent ({@code live}) fields
     */
    List<ConfigField> productConfig(InstanceConfig config, Map<String, Object> current);

    /** Fields the customer fills in at checkout (OS, hostname); none by default. */
    default List<ConfigField> checkoutConfig(InstanceConfig config, Map<String, Object> productSettings) {
        return List.of();
    }

    ServerResult create(InstanceConfig config, ServiceRequest request);

    ServerResult suspend(InstanceConfig config, ServiceRequest request);

    ServerResult unsuspend(InstanceConfig config, ServiceRequest request);

    ServerResult terminate(InstanceConfig config, ServiceRequest request);
}
