package org.paymenter.ext.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.config.ConfigField;

/**
 * What every extension has, whatever its kind. An extension is an OSGi service registered under
 * exactly one of {@link org.paymenter.ext.api.server.ServerExtension},
 * {@link org.paymenter.ext.api.gateway.GatewayExtension} or {@link org.paymenter.ext.api.other.OtherExtension}.
 *
 * <p>The lifecycle hooks are called by the host, each at most once per event, on a host thread with a
 * time limit: {@link #installed()} the first time this extension name is seen, {@link #upgraded(String)}
 * when a higher version replaces the running one, {@link #uninstalled()} before its bundle is removed.
 * A hook that throws is reported and does not stop the change.
 */
@ConsumerType
public interface Extension {

    /** Name, display name, description, version, author, url and icon. Must not change while running. */
    ExtensionMetadata metadata();

    /** The fields an admin fills in to configure an instance (host, API keys, ...). */
    List<ConfigField> configSchema();

    /** Called once, the first time the host sees this extension. */
    default void installed() {
    }

    /** Called once on the new version after it replaced {@code oldVersion}. */
    default void upgraded(String oldVersion) {
    }

    /** Called before the extension's bundle is removed for good (not on a plain stop or an upgrade). */
    default void uninstalled() {
    }
}
