package org.paymenter.ext.testkit.fakes.stripe;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/webhook_endpoints}. As on Stripe, the signing {@code secret} is in the answer to the create call
 * only; the fake keeps it so tests can sign events for the endpoint.
 */
final class WebhookEndpointResources {

    private final StripeStore store;
    private final String apiVersion;

    WebhookEndpointResources(StripeStore store, String apiVersion) {
        this.store = store;
        this.apiVersion = apiVersion;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.of("POST", "/v1/webhook_endpoints", (ids, p) -> create(p)),
                FakeRoute.of("GET", "/v1/webhook_endpoints",
                        (ids, p) -> StripeLists.page("/v1/webhook_endpoints",
                                store.all("webhook_endpoint").stream().map(WebhookEndpointResources::withoutSecret)
                                        .toList(), p)),
                FakeRoute.of("GET", "/v1/webhook_endpoints/{id}",
                        (ids, p) -> withoutSecret(store.get("webhook_endpoint", ids.get(0)))),
                FakeRoute.of("DELETE", "/v1/webhook_endpoints/{id}", (ids, p) -> delete(ids.get(0))));
    }

    ObjectNode create(Params p) {
        String url = p.required("url");
        List<String> events = p.strings("enabled_events");
        if (events.isEmpty()) {
            throw StripeError.missingParam("enabled_events");
        }
        ObjectNode we = store.create("we_", "webhook_endpoint");
        we.put("url", url);
        we.put("description", p.text("description").orElse(null));
        events.forEach(we.putArray("enabled_events")::add);
        we.put("api_version", p.text("api_version").orElse(apiVersion));
        we.put("status", "enabled");
        we.set("metadata", p.metadata());
        we.put("secret", "whsec_" + StripeIds.next("") + StripeIds.next(""));
        return we;
    }

    private ObjectNode delete(String id) {
        store.get("webhook_endpoint", id);
        store.remove(id);
        ObjectNode deleted = JsonNodeFactory.instance.objectNode();
        deleted.put("id", id);
        deleted.put("object", "webhook_endpoint");
        deleted.put("deleted", true);
        return deleted;
    }

    private static ObjectNode withoutSecret(ObjectNode endpoint) {
        ObjectNode copy = endpoint.deepCopy();
        copy.remove("secret");
        return copy;
    }
}
