package org.paymenter.ext.http.routing;

import java.util.Objects;

/**
 * One served route. The same list serves requests and writes the OpenAPI document, so the two cannot
 * drift apart.
 *
 * @param method       HTTP method
 * @param pattern      path with {@code {placeholders}}, e.g. {@code /api/v1/admin/extensions/{category}}
 * @param access       who may call it
 * @param summary      one line for the OpenAPI document
 * @param requestBody  {@code application/json}, {@code application/java-archive}, or null for none
 * @param maxBodyBytes the largest body accepted (413 above)
 * @param handler      the code
 */
public record Route(String method, String pattern, Access access, String summary, String requestBody,
        long maxBodyBytes, Handler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
    }
}
