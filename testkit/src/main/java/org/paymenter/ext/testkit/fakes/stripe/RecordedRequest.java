package org.paymenter.ext.testkit.fakes.stripe;

import java.util.Map;

/**
 * One request the fake received, with what it answered.
 *
 * @param params         the form body or query, parsed (nested maps and lists for bracket notation)
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param stripeVersion  the {@code Stripe-Version} header, or null
 * @param status         the status the fake answered
 */
public record RecordedRequest(String method, String path, Map<String, Object> params, String idempotencyKey,
        String stripeVersion, int status) {

    /** The parameter at a bracket path: {@code param("metadata", "invoice_id")}; null when absent. */
    public Object param(String... path) {
        Object node = params;
        for (String part : path) {
            if (node instanceof Map<?, ?> m) {
                node = m.get(part);
            } else if (node instanceof java.util.List<?> l && part.matches("\\d+")) {
                int i = Integer.parseInt(part);
                node = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    public boolean is(String requestMethod, String requestPath) {
        return method.equals(requestMethod) && path.equals(requestPath);
    }
}
