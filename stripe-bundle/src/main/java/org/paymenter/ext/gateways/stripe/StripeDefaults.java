package org.paymenter.ext.gateways.stripe;

import java.time.Duration;
import java.util.List;

/** The numbers and names this extension fixes, in one place. */
final class StripeDefaults {

    /** Where Stripe's API lives; an instance's {@code api_base} replaces it (a proxy, a fake). */
    static final String API_BASE = "https://api.stripe.com";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /**
     * One retry of a failed connection or a 409/5xx; stripe-java sends the same {@code Idempotency-Key} again,
     * so a retried POST is never applied twice.
     */
    static final int NETWORK_RETRIES = 1;
    /** How old a webhook's signed timestamp may be; Stripe's own default (Paymenter checks none). */
    static final Duration WEBHOOK_TOLERANCE = Duration.ofMinutes(5);
    static final String SIGNATURE_HEADER = "Stripe-Signature";

    /** Metadata keys Stripe carries from our calls back into webhooks (the same keys Paymenter uses). */
    static final String INVOICE_ID = "invoice_id";
    static final String USER_ID = "user_id";
    static final String IS_BILLING_AGREEMENT = "is_billing_agreement";
    static final String BILLING_AGREEMENT = "billing_agreement_id";

    /** The events an endpoint made by {@link WebhookEndpoints} subscribes to: what {@link EventMapper} reads. */
    static final List<String> WEBHOOK_EVENTS = List.of(
            "checkout.session.completed",
            "checkout.session.async_payment_succeeded",
            "checkout.session.async_payment_failed",
            "payment_intent.succeeded",
            "payment_intent.processing",
            "payment_intent.payment_failed",
            "charge.updated",
            "charge.refunded",
            "setup_intent.succeeded",
            "invoice.payment_succeeded");
    static final String WEBHOOK_DESCRIPTION = "Paymenter Stripe Webhook";

    private StripeDefaults() {
    }
}
