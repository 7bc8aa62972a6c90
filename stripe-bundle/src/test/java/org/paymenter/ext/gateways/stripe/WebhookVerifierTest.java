package org.paymenter.ext.gateways.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paymenter.ext.gateways.stripe.StripeTestConfig.WEBHOOK_SECRET;
import static org.paymenter.ext.gateways.stripe.StripeTestConfig.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.gateway.WebhookRejectedException;
import org.paymenter.ext.testkit.fakes.stripe.StripeEvents;
import org.paymenter.ext.testkit.fakes.stripe.StripeSignatures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.model.Event;

/** Signatures are made by stripe-java's own HMAC helper (through {@link StripeSignatures}), never by ours. */
class WebhookVerifierTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Optional<String> SECRET = Optional.of(WEBHOOK_SECRET);

    private final String payload = StripeEvents.event("payment_intent.succeeded", intent());

    @Test
    void aCorrectlySignedFreshEventIsAccepted() {
        Event event = WebhookVerifier.verify(webhook(payload, StripeSignatures.header(payload, NOW, WEBHOOK_SECRET)),
                SECRET, CLOCK);

        assertThat(event.getType()).isEqualTo("payment_intent.succeeded");
        assertThat(event.getId()).startsWith("evt_");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRejected() {
        String forged = StripeSignatures.header(payload, NOW, "whsec_someoneElsesSecret");

        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(payload, forged), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("No signatures found matching the expected signature");
    }

    @Test
    void aBodyChangedAfterSigningIsRejected() {
        String header = StripeSignatures.header(payload, NOW, WEBHOOK_SECRET);
        String tampered = payload.replace("\"amount\" : 1999", "\"amount\" : 1");
        assertThat(tampered).isNotEqualTo(payload);

        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(tampered, header), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void anEventSignedMoreThanFiveMinutesAgoIsRejectedAsStale() {
        String stale = StripeSignatures.header(payload, NOW.minus(Duration.ofSeconds(301)), WEBHOOK_SECRET);

        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(payload, stale), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("Timestamp outside the tolerance zone");
    }

    @Test
    void anEventSignedJustUnderFiveMinutesAgoIsStillAccepted() {
        String recent = StripeSignatures.header(payload, NOW.minus(Duration.ofSeconds(299)), WEBHOOK_SECRET);

        assertThat(WebhookVerifier.verify(webhook(payload, recent), SECRET, CLOCK).getType())
                .isEqualTo("payment_intent.succeeded");
    }

    @Test
    void anUnsignedCallIsRejected() {
        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(payload, null), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("no Stripe-Signature header");
        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(payload, ""), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void aHeaderWithoutAnyV1SignatureIsRejected() {
        String onlyTimestamp = "t=" + NOW.getEpochSecond() + ",v0=abc";

        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(payload, onlyTimestamp), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void anyOfSeveralV1SignaturesMayBeTheValidOne() {
        // As while Stripe rolls a secret: one signature per secret, ours not first.
        String header = StripeSignatures.header(payload, NOW, "whsec_theOldSecret", WEBHOOK_SECRET,
                "whsec_yetAnother");

        assertThat(header.split(",")).hasSize(4);
        assertThat(WebhookVerifier.verify(webhook(payload, header), SECRET, CLOCK).getType())
                .isEqualTo("payment_intent.succeeded");
    }

    @Test
    void severalV1SignaturesNoneValidAreRejected() {
        String header = StripeSignatures.header(payload, NOW, "whsec_theOldSecret", "whsec_yetAnother");

        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(payload, header), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void withoutAConfiguredSecretEveryCallIsRejected() {
        String header = StripeSignatures.header(payload, NOW, WEBHOOK_SECRET);

        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(payload, header), Optional.empty(), CLOCK))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining(StripeFields.WEBHOOK_SECRET);
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsRejected() {
        String junk = "this is not json";
        String header = StripeSignatures.header(junk, NOW, WEBHOOK_SECRET);

        assertThatThrownBy(() -> WebhookVerifier.verify(webhook(junk, header), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("not a Stripe event");
    }

    @Test
    void aMalformedTimestampIsASignatureRejectionNotAFailure() {
        String signature = StripeSignatures.header(payload, NOW, WEBHOOK_SECRET).split(",")[1];

        for (String header : new String[] { "t=abc," + signature, "t=," + signature, "t," + signature, "garbage" }) {
            assertThatThrownBy(() -> WebhookVerifier.verify(webhook(payload, header), SECRET, CLOCK))
                    .as(header).isInstanceOf(WebhookRejectedException.class);
        }
    }

    @Test
    void junkWithoutAValidSignatureIsRejectedForItsSignature() {
        assertThatThrownBy(() -> WebhookVerifier.verify(webhook("this is not json", "t=" + NOW.getEpochSecond()
                + ",v1=00"), SECRET, CLOCK))
                .isInstanceOf(WebhookRejectedException.class)
                .hasMessageContaining("signature not valid");
    }

    @Test
    void aSignedObjectOrBodyWithoutTypeAndDataIsRejected() {
        for (String body : new String[] { "{}", "", "null", "{\"id\": \"evt_1\", \"type\": \"payment_intent.succeeded\"}" }) {
            String header = StripeSignatures.header(body, NOW, WEBHOOK_SECRET);

            assertThatThrownBy(() -> WebhookVerifier.verify(webhook(body, header), SECRET, CLOCK))
                    .as("body '%s'", body).isInstanceOf(WebhookRejectedException.class)
                    .hasMessageContaining("not a Stripe event");
        }
    }

    private static ObjectNode intent() {
        ObjectNode pi = new ObjectMapper().createObjectNode();
        pi.put("id", "pi_3UnitTest");
        pi.put("object", "payment_intent");
        pi.put("amount", 1999);
        pi.put("currency", "eur");
        pi.put("status", "succeeded");
        pi.putObject("metadata").put("invoice_id", "42");
        return pi;
    }
}
