package org.paymenter.ext.gateways.stripe;

import java.time.Clock;
import java.util.Optional;

import org.paymenter.ext.api.gateway.WebhookRejectedException;
import org.paymenter.ext.api.http.HttpRequest;

import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;

/**
 * Proves a webhook came from Stripe with stripe-java's own check of {@code Stripe-Signature}: an HMAC-SHA256
 * of {@code "<t>.<raw body>"} with the endpoint's secret, any of the header's {@code v1} values may match,
 * compared in constant time, and {@code t} no more than {@link StripeDefaults#WEBHOOK_TOLERANCE} away (the
 * replay protection Paymenter lacks).
 */
final class WebhookVerifier {

    private WebhookVerifier() {
    }

    /** @throws WebhookRejectedException when the call is unsigned, forged, stale or not an event */
    static Event verify(HttpRequest request, Optional<String> signingSecret, Clock clock) {
        String secret = signingSecret.orElseThrow(() -> new WebhookRejectedException("this Stripe instance has no "
                + "webhook signing secret; set " + StripeFields.WEBHOOK_SECRET + " to the endpoint's whsec_... secret"));
        String header = request.header(StripeDefaults.SIGNATURE_HEADER)
                .filter(h -> !h.isBlank())
                .orElseThrow(() -> new WebhookRejectedException("no " + StripeDefaults.SIGNATURE_HEADER + " header"));
        try {
            return Webhook.constructEvent(request.bodyText(), header, secret,
                    StripeDefaults.WEBHOOK_TOLERANCE.toSeconds(), clock);
        } catch (SignatureVerificationException e) {
            throw new WebhookRejectedException("Stripe signature not valid: " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new WebhookRejectedException("signed, but not a Stripe event: " + e.getMessage(), e);
        }
    }
}
