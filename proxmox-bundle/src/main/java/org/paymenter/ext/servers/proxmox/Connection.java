package org.paymenter.ext.servers.proxmox;

import java.net.URI;
import java.time.Duration;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.InstanceConfig;

/**
 * One instance's way to the cluster, read from its config.
 *
 * @param instanceName   the admin's name for the instance, for log lines
 * @param base           {@code scheme://host:port}, the node's web address (the API is under {@code /api2/json})
 * @param tokenId        {@code USER@REALM!TOKENID}
 * @param tokenSecret    the token's UUID; never printed
 * @param defaultNode    node used when a product names none
 * @param defaultStorage storage used when a product names none
 * @param defaultBridge  bridge used when a product names none
 */
record Connection(String instanceName, URI base, String tokenId, String tokenSecret, boolean verifyTls,
        Duration requestTimeout, Duration taskTimeout, String defaultNode, String defaultStorage,
        String defaultBridge) {

    static Connection from(InstanceConfig config) {
        String host = config.requireString(InstanceFields.HOST).trim();
        if (host.contains("/") || host.contains(" ")) {
            throw new ExtensionException("instance '" + config.name() + "': host must be a bare host name or address, not '"
                    + host + "'");
        }
        if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) { // IPv6 literals have several
            throw new ExtensionException("instance '" + config.name() + "': host '" + host
                    + "' includes a port; give the host alone and the port in the port field");
        }
        String scheme = config.string(InstanceFields.SCHEME, ProxmoxDefaults.SCHEME);
        int port = config.integer(InstanceFields.PORT, ProxmoxDefaults.PORT);
        URI base;
        try {
            base = URI.create(scheme + "://" + bracketed(host) + ":" + port);
        } catch (IllegalArgumentException e) {
            throw new ExtensionException("instance '" + config.name() + "': '" + host + "' is not a host name or address", e);
        }
        return new Connection(config.name(), base,
                config.requireString(InstanceFields.TOKEN_ID).trim(),
                config.requireString(InstanceFields.TOKEN_SECRET).trim(),
                config.bool(InstanceFields.VERIFY_TLS, true),
                Duration.ofSeconds(config.integer(InstanceFields.REQUEST_TIMEOUT, ProxmoxDefaults.REQUEST_TIMEOUT_SECONDS)),
                Duration.ofSeconds(config.integer(InstanceFields.TASK_TIMEOUT, ProxmoxDefaults.TASK_TIMEOUT_SECONDS)),
                config.requireString(InstanceFields.NODE).trim(),
                config.string(InstanceFields.STORAGE, ProxmoxDefaults.STORAGE).trim(),
                config.string(InstanceFields.BRIDGE, ProxmoxDefaults.BRIDGE).trim());
    }

    /** An IPv6 literal needs brackets in a URL. */
    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The header value Proxmox VE expects for API tokens; contains the secret. */
    String authorization() {
        return "PVEAPIToken=" + tokenId + "=" + tokenSecret;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Connection[" + instanceName + " " + base + " as " + tokenId + (verifyTls ? "" : ", TLS unverified") + "]";
    }
}
