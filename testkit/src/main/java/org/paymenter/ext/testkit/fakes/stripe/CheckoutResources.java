package org.paymenter.ext.testkit.fakes.stripe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/checkout/sessions} in {@code payment}, {@code subscription} and {@code setup} mode, and what
 * happens when the customer finishes the hosted page ({@link #complete}).
 */
final class CheckoutResources {

    private final StripeStore store;
    private final Charging charging;
    private final String pageBase;
    /** What Stripe keeps behind a session and shows only on expand: its line items. */
    private final Map<String, List<Params>> lineItems = new HashMap<>();
    /** The nested {@code *_data[metadata]} Stripe copies onto the objects a session creates. */
    private final Map<String, ObjectNode> childMetadata = new HashMap<>();

    CheckoutResources(StripeStore store, Charging charging, String pageBase) {
        this.store = store;
        this.charging = charging;
        this.pageBase = pageBase;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.of("POST", "/v1/checkout/sessions", (ids, p) -> create(p)),
                FakeRoute.of("GET", "/v1/checkout/sessions/{id}",
                        (ids, p) -> store.get("checkout.session", ids.get(0))));
    }

    private ObjectNode create(Params p) {
        String mode = p.required("mode");
        if (!List.of("payment", "subscription", "setup").contains(mode)) {
            throw StripeError.invalid("mode", "Invalid mode: must be one of payment, setup, or subscription");
        }
        String successUrl = p.required("success_url");
        String customer = p.text("customer").orElse(null);
        if (customer != null) {
            store.get("customer", customer);
            if (p.text("customer_email").isPresent()) {
                throw StripeError.invalid("customer_email", "You may only specify one of these parameters: "
                        + "customer, customer_email.");
            }
        }
        List<Params> items = p.nestedList("line_items");
        long total = 0;
        String currency = p.text("currency").map(c -> c.toLowerCase(Locale.ROOT)).orElse(null);
        if (mode.equals("setup")) {
            if (currency == null && p.strings("payment_method_types").isEmpty()) {
                throw StripeError.invalid("currency", "You must provide `currency` in `setup` mode when "
                        + "`payment_method_types` is not set.");
            }
        } else {
            if (items.isEmpty()) {
                throw StripeError.missingParam("line_items");
            }
            for (Params item : items) {
                Params price = item.nested("price_data");
                currency = price.required("currency").toLowerCase(Locale.ROOT);
                price.nested("product_data").required("name");
                boolean recurring = !price.nested("recurring").values().isEmpty();
                if (mode.equals("payment") && recurring) {
                    throw StripeError.invalid("line_items", "You specified `payment` mode but passed a recurring "
                            + "price. Either switch to `subscription` mode or use only one-time prices.");
                }
                if (mode.equals("subscription") && !recurring) {
                    throw StripeError.invalid("line_items", "You must provide at least one recurring price in "
                            + "`subscription` mode when using prices.");
                }
                total += price.amount("unit_amount") * Long.parseLong(item.text("quantity").orElse("1"));
            }
        }
        ObjectNode s = store.create("cs_test_", "checkout.session");
        s.put("mode", mode);
        s.put("status", "open");
        s.put("payment_status", mode.equals("setup") ? "no_payment_required" : "unpaid");
        s.put("url", pageBase + "/c/pay/" + s.path("id").asText());
        s.put("success_url", successUrl);
        s.put("cancel_url", p.text("cancel_url").orElse(null));
        s.put("client_reference_id", p.text("client_reference_id").orElse(null));
        s.put("customer", customer);
        s.put("customer_email", p.text("customer_email").orElse(null));
        s.put("currency", currency);
        if (mode.equals("setup")) {
            s.putNull("amount_subtotal");
            s.putNull("amount_total");
        } else {
            s.put("amount_subtotal", total);
            s.put("amount_total", total);
        }
        s.set("metadata", p.metadata());
        s.putNull("payment_intent");
        s.putNull("setup_intent");
        s.putNull("subscription");
        s.putNull("invoice");
        s.put("expires_at", Instant.now().plus(24, ChronoUnit.HOURS).getEpochSecond());
        lineItems.put(s.path("id").asText(), items);
        String child = switch (mode) {
            case "payment" -> "payment_intent_data";
            case "subscription" -> "subscription_data";
            default -> "setup_intent_data";
        };
        childMetadata.put(s.path("id").asText(), p.nested(child).metadata());
        return s;
    }

    /**
     * The customer paid (or saved a card) on the hosted page with a card ending in {@code last4}: creates
     * what Stripe creates and marks the session complete.
     */
    ObjectNode complete(String sessionId, String brand, String last4) {
        ObjectNode s = store.get("checkout.session", sessionId);
        if (!"open".equals(s.path("status").asText())) {
            throw new IllegalStateException("session " + sessionId + " is " + s.path("status").asText());
        }
        String customer = s.path("customer").asText(null);
        if (customer == null) {
            ObjectNode c = store.create("cus_", "customer");
            c.put("email", s.path("customer_email").asText(null));
            c.putObject("metadata");
            customer = c.path("id").asText();
            s.put("customer", customer);
        }
        ObjectNode metadata = childMetadata.get(sessionId);
        switch (s.path("mode").asText()) {
            case "payment" -> {
                ObjectNode pi = newIntent(s, customer, metadata);
                charging.succeed(pi, charging.cardPaymentMethod(brand, last4, null));
                s.put("payment_intent", pi.path("id").asText());
            }
            case "subscription" -> completeSubscription(s, customer, metadata, brand, last4);
            default -> {
                ObjectNode si = store.create("seti_", "setup_intent");
                si.put("customer", customer);
                si.set("metadata", metadata);
                si.put("payment_method", charging.cardPaymentMethod(brand, last4, customer).path("id").asText());
                si.put("status", "succeeded");
                si.put("usage", "off_session");
                si.put("client_secret", si.path("id").asText() + "_secret_" + StripeIds.next(""));
                s.put("setup_intent", si.path("id").asText());
            }
        }
        s.put("status", "complete");
        s.put("payment_status", s.path("mode").asText().equals("setup") ? "no_payment_required" : "paid");
        return s;
    }

    private void completeSubscription(ObjectNode s, String customer, ObjectNode metadata, String brand,
            String last4) {
        Params price = lineItems.get(s.path("id").asText()).get(0).nested("price_data");
        ObjectNode sub = store.create("sub_", "subscription");
        sub.put("customer", customer);
        sub.set("metadata", metadata);
        sub.put("status", "active");
        sub.put("collection_method", "charge_automatically");
        sub.putObject("plan").put("interval", price.nested("recurring").required("interval"));
        ObjectNode pm = charging.cardPaymentMethod(brand, last4, customer);
        sub.put("default_payment_method", pm.path("id").asText());
        ObjectNode invoice = paidInvoice(sub, pm, s.path("amount_total").asLong(), s.path("currency").asText(),
                "subscription_create", newIntent(s, customer, metadata));
        sub.put("latest_invoice", invoice.path("id").asText());
        s.put("subscription", sub.path("id").asText());
        s.put("invoice", invoice.path("id").asText());
    }

    /**
     * The subscription's next period charged: a new invoice ({@code billing_reason=subscription_cycle}) for the
     * amount of its latest one, paid by a new payment intent on its default payment method, as Stripe bills it.
     */
    ObjectNode renew(String subscriptionId) {
        ObjectNode sub = store.get("subscription", subscriptionId);
        ObjectNode latest = store.get("invoice", sub.path("latest_invoice").asText());
        ObjectNode pm = store.get("payment_method", sub.path("default_payment_method").asText());
        ObjectNode pi = store.create("pi_", "payment_intent");
        pi.put("amount", latest.path("amount_due").asLong());
        pi.put("currency", latest.path("currency").asText());
        pi.put("customer", sub.path("customer").asText());
        pi.set("metadata", sub.path("metadata").deepCopy());
        pi.put("client_secret", pi.path("id").asText() + "_secret_" + StripeIds.next(""));
        ObjectNode invoice = paidInvoice(sub, pm, latest.path("amount_due").asLong(), latest.path("currency").asText(),
                "subscription_cycle", pi);
        sub.put("latest_invoice", invoice.path("id").asText());
        return invoice;
    }

    /** An invoice of {@code sub}, paid in full by {@code pi} with {@code pm}, with its invoice payment. */
    private ObjectNode paidInvoice(ObjectNode sub, ObjectNode pm, long amount, String currency, String billingReason,
            ObjectNode pi) {
        ObjectNode invoice = store.create("in_", "invoice");
        invoice.put("customer", sub.path("customer").asText());
        invoice.put("currency", currency);
        invoice.put("amount_due", amount);
        invoice.put("amount_paid", amount);
        invoice.put("billing_reason", billingReason);
        invoice.put("status", "paid");
        ObjectNode parent = invoice.putObject("parent");
        parent.put("type", "subscription_details");
        parent.putObject("subscription_details").put("subscription", sub.path("id").asText())
                .set("metadata", sub.path("metadata").deepCopy());
        charging.succeed(pi, pm);
        ObjectNode payment = store.create("inpay_", "invoice_payment");
        payment.put("invoice", invoice.path("id").asText());
        payment.put("amount_paid", amount);
        payment.put("currency", currency);
        payment.put("is_default", true);
        payment.put("status", "paid");
        ObjectNode ref = payment.putObject("payment");
        ref.put("type", "payment_intent");
        ref.put("payment_intent", pi.path("id").asText());
        return invoice;
    }

    private ObjectNode newIntent(ObjectNode s, String customer, ObjectNode metadata) {
        ObjectNode pi = store.create("pi_", "payment_intent");
        pi.put("amount", s.path("amount_total").asLong());
        pi.put("currency", s.path("currency").asText());
        pi.put("customer", customer);
        pi.set("metadata", metadata.deepCopy());
        pi.put("client_secret", pi.path("id").asText() + "_secret_" + StripeIds.next(""));
        pi.put("status", "requires_payment_method");
        return pi;
    }
}
