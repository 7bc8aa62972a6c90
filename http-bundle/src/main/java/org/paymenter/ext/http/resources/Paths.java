package org.paymenter.ext.http.resources;

/** The route patterns, in one place: resources and the OpenAPI document use the same strings. */
final class Paths {

    static final String ADMIN = "/api/v1/admin";
    static final String EXTENSIONS = ADMIN + "/extensions";
    static final String CATEGORY = EXTENSIONS + "/{category}";
    static final String EXTENSION = CATEGORY + "/{name}";
    static final String INSTANCES = EXTENSION + "/instances";
    static final String INSTANCE = INSTANCES + "/{id}";
    static final String SERVER_INSTANCE = EXTENSIONS + "/servers/{name}/instances/{id}";
    static final String GATEWAY_INSTANCE = EXTENSIONS + "/gateways/{name}/instances/{id}";
    static final String OTHER_INSTANCE = EXTENSIONS + "/others/{name}/instances/{id}";
    static final String WEBHOOK = "/api/v1/webhooks/{name}/{instanceId}";
    static final String PAYMENTS = ADMIN + "/payments";

    private Paths() {
    }
}
