package org.paymenter.ext.testkit.fakes.stripe;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /v1/customers}, {@code /v1/setup_intents} and {@code /v1/payment_methods}. */
final class CustomerResources {

    private final StripeStore store;

    CustomerResources(StripeStore store) {
        this.store = store;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.of("POST", "/v1/customers", (ids, p) -> createCustomer(p)),
                FakeRoute.of("GET", "/v1/customers", (ids, p) -> listCustomers(p)),
                FakeRoute.of("GET", "/v1/customers/{id}", (ids, p) -> store.get("customer", ids.get(0))),
                FakeRoute.of("POST", "/v1/setup_intents", (ids, p) -> createSetupIntent(p)),
                FakeRoute.of("GET", "/v1/setup_intents/{id}", (ids, p) -> setupIntent(ids.get(0), p)),
                FakeRoute.of("GET", "/v1/payment_methods/{id}", (ids, p) -> store.get("payment_method", ids.get(0))),
                FakeRoute.of("POST", "/v1/payment_methods/{id}/detach", (ids, p) -> detach(ids.get(0))));
    }

    private ObjectNode createCustomer(Params p) {
        ObjectNode c = store.create("cus_", "customer");
        c.put("email", p.text("email").orElse(null));
        c.put("name", p.text("name").orElse(null));
        c.put("description", p.text("description").orElse(null));
        c.put("phone", p.text("phone").orElse(null));
        c.set("metadata", p.metadata());
        c.putObject("invoice_settings").putNull("default_payment_method");
        c.put("balance", 0);
        return c;
    }

    private ObjectNode listCustomers(Params p) {
        List<ObjectNode> found = store.all("customer").stream()
                .filter(c -> p.text("email").map(e -> e.equals(c.path("email").asText())).orElse(true)).toList();
        return StripeLists.page("/v1/customers", found, p);
    }

    private ObjectNode createSetupIntent(Params p) {
        String customer = p.text("customer").orElse(null);
        if (customer != null) {
            store.get("customer", customer);
        }
        ObjectNode si = store.create("seti_", "setup_intent");
        si.put("client_secret", si.path("id").asText() + "_secret_" + StripeIds.next(""));
        si.put("customer", customer);
        si.set("metadata", p.metadata());
        si.putNull("payment_method");
        si.put("status", "requires_payment_method");
        si.put("usage", p.text("usage").orElse("off_session"));
        si.putNull("latest_attempt");
        return si;
    }

    /** {@code expand[]=latest_attempt} puts the attempt object in place of its id, as Stripe's expansion does. */
    private ObjectNode setupIntent(String id, Params p) {
        ObjectNode si = store.get("setup_intent", id).deepCopy();
        String attempt = si.path("latest_attempt").asText(null);
        if (attempt != null && p.strings("expand").contains("latest_attempt")) {
            si.set("latest_attempt", store.get("setup_attempt", attempt).deepCopy());
        }
        return si;
    }

    private ObjectNode detach(String id) {
        ObjectNode pm = store.get("payment_method", id);
        if (pm.path("customer").isNull() || pm.path("customer").isMissingNode()) {
            throw StripeError.invalid(null, "The payment method you provided is not attached to a customer so "
                    + "detachment is impossible.");
        }
        pm.putNull("customer");
        return pm;
    }
}
