package org.paymenter.ext.api.server;

import java.util.Map;

/** A product of the panel: what a service was bought as, with its product settings. */
public record Product(String id, String name, Map<String, Object> settings) {

    public Product {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
