package org.paymenter.ext.api.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.paymenter.ext.api.User;

/**
 * Everything a lifecycle operation gets besides the instance config: Paymenter's
 * {@code (service, settings, properties)} plus the customer.
 *
 * @param service    the service being provisioned
 * @param user       its owner
 * @param settings   the product's settings (the fields of {@code productConfig})
 * @param properties what earlier operations stored on the service (remote id, username, ...) and the
 *                   customer's checkout choices
 */
public record ServiceRequest(Service service, User user, Map<String, Object> settings,
        Map<String, String> properties) {

    public ServiceRequest {
        Objects.requireNonNull(service, "service");
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /**
     * Product settings overridden by service properties of the same name, as Paymenter's extensions merge
     * them: an admin's per-service config option ({@code memory}) wins over the product's value.
     */
    public Map<String, Object> effectiveSettings() {
        Map<String, Object> merged = new HashMap<>(settings);
        merged.putAll(properties);
        return Map.copyOf(merged);
    }

    public String property(String key) {
        return properties.get(key);
    }
}
