package org.paymenter.ext.http.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.paymenter.ext.api.http.HttpRequest;

/**
 * A request after routing: the raw parts plus the values of the route's {@code {placeholders}}.
 *
 * @param raw        method, path, headers, query and the body bytes as received
 * @param pathParams placeholder name to its (decoded) value
 */
public record ApiRequest(HttpRequest raw, Map<String, String> pathParams) {

    public String path(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no placeholder {" + name + "}");
        }
        return value;
    }

    public Optional<String> query(String name) {
        List<String> values = raw.query().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public byte[] body() {
        return raw.body();
    }
}
