package org.paymenter.ext.testkit.fakes.stripe;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/payment_intents}, {@code /v1/charges}, {@code /v1/balance_transactions}, {@code /v1/refunds} and
 * {@code /v1/invoice_payments}.
 */
final class PaymentResources {

    private final StripeStore store;
    private final Charging charging;

    PaymentResources(StripeStore store, Charging charging) {
        this.store = store;
        this.charging = charging;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.of("POST", "/v1/payment_intents", (ids, p) -> createPaymentIntent(p)),
                FakeRoute.of("GET", "/v1/payment_intents/{id}", (ids, p) -> store.get("payment_intent", ids.get(0))),
                FakeRoute.of("GET", "/v1/charges/{id}", (ids, p) -> store.get("charge", ids.get(0))),
                FakeRoute.of("GET", "/v1/balance_transactions/{id}",
                        (ids, p) -> store.get("balance_transaction", ids.get(0))),
                FakeRoute.of("POST", "/v1/refunds", (ids, p) -> refund(p)),
                FakeRoute.of("GET", "/v1/refunds/{id}", (ids, p) -> store.get("refund", ids.get(0))),
                FakeRoute.of("GET", "/v1/invoice_payments", (ids, p) -> invoicePayments(p)));
    }

    /** A new intent; {@code confirm=true} with a payment method charges it at once (off-session charges). */
    ObjectNode createPaymentIntent(Params p) {
        long amount = p.amount("amount");
        String currency = p.required("currency").toLowerCase(Locale.ROOT);
        String customer = p.text("customer").orElse(null);
        if (customer != null) {
            store.get("customer", customer);
        }
        ObjectNode pm = p.text("payment_method").map(id -> store.get("payment_method", id)).orElse(null);
        if (pm != null && customer != null && !customer.equals(pm.path("customer").asText(null))) {
            throw StripeError.invalid("payment_method", "The provided PaymentMethod " + pm.path("id").asText()
                    + " does not belong to the Customer " + customer + ".");
        }
        ObjectNode pi = store.create("pi_", "payment_intent");
        pi.put("amount", amount);
        pi.put("amount_received", 0);
        pi.put("currency", currency);
        pi.put("customer", customer);
        pi.put("description", p.text("description").orElse(null));
        pi.set("metadata", p.metadata());
        pi.put("client_secret", pi.path("id").asText() + "_secret_" + StripeIds.next(""));
        pi.put("capture_method", "automatic");
        pi.put("confirmation_method", "automatic");
        pi.putObject("automatic_payment_methods").put("enabled", p.nested("automatic_payment_methods").flag("enabled"));
        pi.putNull("latest_charge");
        pi.putNull("payment_method");
        pi.putNull("last_payment_error");
        pi.put("status", "requires_payment_method");
        if (p.flag("confirm")) {
            if (pm == null) {
                throw StripeError.invalid("payment_method", "You cannot confirm this PaymentIntent because it's "
                        + "missing a payment method. To confirm the PaymentIntent with " + customer
                        + ", specify a payment method attached to this customer along with the customer ID.");
            }
            charging.succeed(pi, pm);
        }
        return pi;
    }

    private ObjectNode refund(Params p) {
        ObjectNode charge;
        if (p.text("charge").isPresent()) {
            charge = store.get("charge", p.required("charge"));
        } else if (p.text("payment_intent").isPresent()) {
            ObjectNode pi = store.get("payment_intent", p.required("payment_intent"));
            if (!"succeeded".equals(pi.path("status").asText())) {
                throw StripeError.invalid("payment_intent", "This PaymentIntent (" + pi.path("id").asText()
                        + ") does not have a successful charge to refund.");
            }
            charge = store.get("charge", pi.path("latest_charge").asText());
        } else {
            throw StripeError.invalid(null, "One of the following params should be provided for this request: "
                    + "payment_intent or charge.");
        }
        Long amount = p.text("amount").isPresent() ? p.amount("amount") : null;
        return charging.refund(charge, amount, p.metadata());
    }

    private ObjectNode invoicePayments(Params p) {
        String invoice = p.text("invoice").orElse(null);
        List<ObjectNode> found = store.all("invoice_payment").stream()
                .filter(ip -> invoice == null || invoice.equals(ip.path("invoice").asText())).toList();
        return StripeLists.page("/v1/invoice_payments", found, p);
    }
}
