package org.paymenter.ext.gateways.stripe;

import java.util.List;

import org.paymenter.ext.api.config.ConfigField;

/** The instance config form (spec §2.10, plus the payment flow, billing mode and connection fields). */
final class StripeFields {

    static final String SECRET_KEY = "stripe_secret_key";
    static final String PUBLISHABLE_KEY = "stripe_publishable_key";
    static final String WEBHOOK_SECRET = "stripe_webhook_secret";
    static final String PAYMENT_FLOW = "payment_flow";
    static final String BILLING = "billing";
    static final String INTERVAL = "subscription_interval";
    static final String INTERVAL_COUNT = "subscription_interval_count";
    static final String API_BASE = "api_base";
    static final String VERIFY_TLS = "verify_tls";

    static final String FLOW_CHECKOUT = "checkout";
    static final String FLOW_PAYMENT_INTENT = "payment_intent";
    static final String BILLING_ONE_TIME = "one_time";
    static final String BILLING_SUBSCRIPTION = "subscription";

    private StripeFields() {
    }

    static List<ConfigField> schema() {
        return List.of(
                ConfigField.password(SECRET_KEY).label("Secret key").required()
                        .description("Your Stripe secret key (sk_live_..., sk_test_...) or a restricted key "
                                + "(rk_...) with write access to Checkout Sessions, PaymentIntents, SetupIntents, "
                                + "Customers, Refunds and Payment Methods.")
                        .rule("regex:^(sk|rk)_(live|test)_\\S+$").build(),
                ConfigField.text(PUBLISHABLE_KEY).label("Publishable key").required()
                        .description("pk_live_... or pk_test_...; given to Stripe.js with a PaymentIntent's client "
                                + "secret.")
                        .rule("regex:^pk_(live|test)_\\S+$").build(),
                ConfigField.password(WEBHOOK_SECRET).label("Webhook signing secret")
                        .description("The whsec_... secret of the Stripe webhook endpoint that calls "
                                + "/api/v1/webhooks/stripe/{instance id}. Webhooks are refused until it is set.")
                        .rule("regex:^whsec_\\S+$").build(),
                ConfigField.select(PAYMENT_FLOW).label("Payment flow").required().defaultValue(FLOW_CHECKOUT)
                        .option(FLOW_CHECKOUT, "Redirect to Stripe Checkout")
                        .option(FLOW_PAYMENT_INTENT, "PaymentIntent client secret for Stripe.js")
                        .description("Checkout sends the customer to a page hosted by Stripe; a client secret lets "
                                + "the panel confirm the payment with Stripe.js on its own page.").build(),
                ConfigField.select(BILLING).label("Billing").required().defaultValue(BILLING_ONE_TIME)
                        .option(BILLING_ONE_TIME, "One-time payments")
                        .option(BILLING_SUBSCRIPTION, "Subscriptions (Stripe charges every period)")
                        .description("Subscriptions need the Checkout flow.").build(),
                ConfigField.select(INTERVAL).label("Subscription interval").defaultValue("month")
                        .option("day", "Day").option("week", "Week").option("month", "Month").option("year", "Year")
                        .build(),
                ConfigField.number(INTERVAL_COUNT).label("Intervals between charges").defaultValue(1).min(1).max(365)
                        .rule("integer").build(),
                ConfigField.url(API_BASE).label("API base URL").defaultValue(StripeDefaults.API_BASE).advanced()
                        .description("Where Stripe's API is reached; change only for a proxy or a test server.")
                        .build(),
                ConfigField.checkbox(VERIFY_TLS).label("Verify TLS certificates").defaultValue(true).advanced()
                        .description("Switch off only for a test server with a self-signed certificate.").build());
    }
}
