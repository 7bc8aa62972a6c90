package org.paymenter.ext.gateways.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.testkit.fakes.stripe.FakeStripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.Stripe;
import com.stripe.StripeClient;

class WebhookEndpointsTest {

    private static final String URL = "https://billing.example.com/api/v1/webhooks/stripe/inst-1";

    private final FakeStripe stripe = FakeStripe.start();
    private final StripeClients clients = new StripeClients();
    private final StripeClient client = clients.client(new StripeConnection(stripe.apiBase(), stripe.secretKey(), true));

    @AfterEach
    void stop() {
        clients.close();
        stripe.close();
    }

    @Test
    void registeringCreatesAnEndpointForTheEventsWeReadAndReturnsItsSecret() {
        String secret = WebhookEndpoints.register(client, URL);

        List<ObjectNode> endpoints = stripe.objects("webhook_endpoint");
        assertThat(endpoints).hasSize(1);
        ObjectNode endpoint = endpoints.get(0);
        assertThat(secret).startsWith("whsec_").isEqualTo(stripe.webhookSecret(endpoint.path("id").asText()));
        assertThat(endpoint.path("url").asText()).isEqualTo(URL);
        assertThat(endpoint.path("api_version").asText()).isEqualTo(Stripe.API_VERSION);
        assertThat(endpoint.path("description").asText()).isEqualTo(StripeDefaults.WEBHOOK_DESCRIPTION);
        List<String> events = new java.util.ArrayList<>();
        endpoint.path("enabled_events").forEach(e -> events.add(e.asText()));
        assertThat(events).containsExactlyElementsOf(StripeDefaults.WEBHOOK_EVENTS);
    }

    @Test
    void registeringAgainReplacesOurEndpointAndLeavesOthersAlone() {
        ObjectNode foreign = stripe.createWebhookEndpoint("https://elsewhere.example/hook", "charge.succeeded");
        String first = WebhookEndpoints.register(client, URL);

        String second = WebhookEndpoints.register(client, URL);

        List<ObjectNode> endpoints = stripe.objects("webhook_endpoint");
        assertThat(endpoints).extracting(e -> e.path("url").asText()).containsExactlyInAnyOrder(URL,
                "https://elsewhere.example/hook");
        assertThat(endpoints).extracting(e -> e.path("id").asText()).contains(foreign.path("id").asText());
        assertThat(second).isNotEqualTo(first);
        assertThat(stripe.requests()).filteredOn(r -> r.method().equals("DELETE")).hasSize(1);
    }
}
