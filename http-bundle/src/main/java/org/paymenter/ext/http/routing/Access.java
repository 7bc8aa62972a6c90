package org.paymenter.ext.http.routing;

/** Who may call a route. */
public enum Access {
    /** Anyone: health, the OpenAPI document, providers' webhooks (which the extension verifies). */
    PUBLIC,
    /** Only a caller with the admin bearer token. */
    ADMIN
}
