package org.paymenter.ext.testkit.fakes.stripe;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;

/**
 * Webhook payloads in Stripe's event shape ({@code {"id": "evt_...", "object": "event", "api_version",
 * "created", "data": {"object": ...}, "livemode", "pending_webhooks", "request", "type"}}), carrying the
 * API version of the stripe-java the tests run with, as an endpoint created by that library receives.
 */
public final class StripeEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StripeEvents() {
    }

    /** An event of {@code type} about {@code object} (a copy of the fake's object, say), created now. */
    public static String event(String type, JsonNode object) {
        return event(type, object, null, Stripe.API_VERSION);
    }

    /**
     * @param previousAttributes the {@code data.previous_attributes} of an {@code *.updated} event, or null
     * @param apiVersion         the version the event is rendered in
     */
    public static String event(String type, JsonNode object, JsonNode previousAttributes, String apiVersion) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("id", StripeIds.next("evt_"));
        event.put("object", "event");
        event.put("api_version", apiVersion);
        event.put("created", Instant.now().getEpochSecond());
        ObjectNode data = event.putObject("data");
        data.set("object", object.deepCopy());
        if (previousAttributes != null) {
            data.set("previous_attributes", previousAttributes.deepCopy());
        }
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        ObjectNode request = event.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        event.put("type", type);
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
