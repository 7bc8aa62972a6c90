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
        String body = request.bodyText();
        long tolerance = StripeDefaults.WEBHOOK_TOLERANCE.toSeconds();
        try {
            // The signature first: stripe-java's constructEvent parses the body before it checks the header,
            // and its header parser throws plain runtime exceptions on a malformed t= (e.g. "t=abc").
            Webhook.Signature.verifyHeader(body == null ? "" : body, header, secret, tolerance, clock);
        } catch (SignatureVerificationException e) {
            throw new WebhookRejectedException("Stripe signature not valid: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new WebhookRejectedException("malformed " + StripeDefaults.SIGNATURE_HEADER + " header", e);
        }
        Event event;
        try {
            event = Webhook.constructEvent(body, header, secret, tolerance, clock);
        } catch (SignatureVerificationException | RuntimeException e) {
            // gson's JsonParseException for junk; an empty or "null" body parses to no event at all
            throw new WebhookRejectedException("signed, but not a Stripe event"
                    + (e instanceof JsonParseException ? ": " + e.getMessage() : ""), e);
        }
        if (event == null || event.getType() == null || event.getData() == null) {
            throw new WebhookRejectedException("signed, but not a Stripe event: it has no type or no data");
        }
        return event;
    }
}
