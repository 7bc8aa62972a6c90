package org.paymenter.ext.api.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a lifecycle operation.
 *
 * @param message    one sentence for the admin
 * @param properties what the caller stores on the service (remote id, node, username); later operations
 *                   receive them back in {@link ServiceRequest#properties()}
 * @param data       values for the customer's notification e-mail (ip, username, password); not stored
 */
public record ServerResult(String message, Map<String, String> properties, Map<String, Object> data) {

    public ServerResult {
        message = Objects.requireNonNullElse(message, "");
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static ServerResult done(String message) {
        return new ServerResult(message, Map.of(), Map.of());
    }

    public ServerResult withProperty(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(properties);
        p.put(key, value);
        return new ServerResult(message, p, data);
    }

    public ServerResult withData(String key, Object value) {
        Map<String, Object> d = new LinkedHashMap<>(data);
        d.put(key, value);
        return new ServerResult(message, properties, d);
    }
}
