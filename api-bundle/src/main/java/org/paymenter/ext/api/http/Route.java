package org.paymenter.ext.api.http;

import java.util.Objects;
import java.util.function.Function;

/**
 * A route an extension contributes, served under {@code /api/v1/extensions/{name}} + {@code path}.
 *
 * @param admin true when the route requires the admin token
 */
public record Route(String method, String path, boolean admin, Function<HttpRequest, HttpResponse> handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path must start with '/': " + path);
        }
    }
}
