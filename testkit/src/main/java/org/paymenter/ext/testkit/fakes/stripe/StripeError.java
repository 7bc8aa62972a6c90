package org.paymenter.ext.testkit.fakes.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer in Stripe's shape, {@code {"error": {"type", "code", "message", "param", ...}}}, thrown by
 * a handler and written by the server with its status.
 */
final class StripeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String DOCS = "https://stripe.com/docs/error-codes/";

    private final int status;
    private final transient ObjectNode error;

    private StripeError(int status, ObjectNode error) {
        super(error.path("message").asText());
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    /** The whole body: {@code {"error": {...}}}. */
    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error.deepCopy());
        return body;
    }

    private static ObjectNode error(String type, String code, String message, String param) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        if (code != null) {
            e.put("code", code);
            e.put("doc_url", DOCS + code.replace('_', '-'));
        }
        e.put("message", message);
        if (param != null) {
            e.put("param", param);
        }
        e.put("type", type);
        return e;
    }

    static StripeError noApiKey() {
        return new StripeError(401, error("invalid_request_error", null,
                "You did not provide an API key. You need to provide your API key in the Authorization header, "
                        + "using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See "
                        + "https://stripe.com/docs/api#authentication for details, or we can help at "
                        + "https://support.stripe.com/.",
                null));
    }

    /** Stripe shows the key's prefix and last four characters only. */
    static StripeError invalidApiKey(String key) {
        return new StripeError(401, error("invalid_request_error", null,
                "Invalid API Key provided: " + mask(key), null));
    }

    static String mask(String key) {
        int prefix = key.indexOf('_', key.indexOf('_') + 1) + 1;
        if (prefix <= 0 || key.length() <= prefix + 4) {
            return "*".repeat(key.length());
        }
        return key.substring(0, prefix) + "*".repeat(key.length() - prefix - 4) + key.substring(key.length() - 4);
    }

    static StripeError missing(String objectType, String id) {
        return new StripeError(404, error("invalid_request_error", "resource_missing",
                "No such " + objectType + ": '" + id + "'", "id"));
    }

    static StripeError unknownUrl(String method, String path) {
        return new StripeError(404, error("invalid_request_error", null,
                "Unrecognized request URL (" + method + ": " + path + "). Please see https://stripe.com/docs or we "
                        + "can help at https://support.stripe.com/.",
                null));
    }

    static StripeError missingParam(String param) {
        return new StripeError(400, error("invalid_request_error", "parameter_missing",
                "Missing required param: " + param + ".", param));
    }

    static StripeError invalid(String param, String message) {
        return new StripeError(400, error("invalid_request_error", null, message, param));
    }

    static StripeError idempotencyMismatch(String key) {
        return new StripeError(400, error("idempotency_error", null,
                "Keys for idempotent requests can only be used with the same parameters they were first used with. "
                        + "Try using a key other than '" + key + "' if you meant to execute a different request.",
                null));
    }

    static StripeError cardDeclined(String chargeId, ObjectNode paymentIntent) {
        ObjectNode e = error("card_error", "card_declined", "Your card was declined.", null);
        e.put("decline_code", "generic_decline");
        e.put("charge", chargeId);
        e.set("payment_intent", paymentIntent);
        return new StripeError(402, e);
    }

    static StripeError rateLimited() {
        return new StripeError(429, error("invalid_request_error", "rate_limit",
                "Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.",
                null));
    }

    static StripeError apiError(int status) {
        return new StripeError(status, error("api_error", null,
                "An unknown error occurred (fake Stripe was told to fail with " + status + ").", null));
    }
}
