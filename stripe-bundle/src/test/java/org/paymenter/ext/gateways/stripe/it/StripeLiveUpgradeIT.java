package org.paymenter.ext.gateways.stripe.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.JarVersions;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.fakes.stripe.FakeStripe;
import org.paymenter.ext.testkit.fakes.stripe.StripeSignatures;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Replacing the stripe bundle's jar with a rebuilt higher version while the runtime serves: the same
 * bundle is updated in place, and its instances and the ledger carry on as they were.
 */
class StripeLiveUpgradeIT {

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static final String STRIPE = "stripe";
    private static final String OLD_FILE = "stripe-bundle-old.jar";
    private static final String NEW_FILE = "stripe-bundle-new.jar";
    private static final String HIGHER = "99.0.0";
    private static final Map<String, Object> USER = Map.of("id", "7", "email", "ada@example.com");

    private static FakeStripe stripe;

    @AfterAll
    static void stopTheFake() {
        if (stripe != null) {
            stripe.close();
        }
    }

    @Test
    void aHigherVersionDroppedInKeepsTheBundleItsInstancesAndTheLedger() {
        Path jar = Path.of(System.getProperty("stripe.bundle.jar", "target/missing.jar"));
        assertThat(Files.isRegularFile(jar)).as("the module's bundle %s (run through mvn verify)", jar).isTrue();
        RUNTIME.harness().deployAs(jar, OLD_FILE);
        AdminApi api = AdminApi.of(RUNTIME.harness());
        api.awaitExtension("gateways", STRIPE);
        stripe = FakeStripe.start();
        String instanceId = api.createInstance("gateways", STRIPE, "eu-1", config());
        String secret = stripe.createWebhookEndpoint("https://billing.example.com" + AdminApi.webhook(STRIPE, instanceId),
                "checkout.session.completed").path("secret").asText();
        Map<String, Object> withSecret = config();
        withSecret.put("stripe_webhook_secret", secret);
        api.putJson(AdminApi.instance("gateways", STRIPE, instanceId), Map.of("config", withSecret)).expect(200);
        String payload = paidCheckoutEvent(api, instanceId, "2001");
        webhook(api, instanceId, payload, secret).expect(200);
        JsonNode before = stripeEntry(api).orElseThrow();
        JsonNode paymentBefore = api.get(AdminApi.ADMIN + "/payments?invoiceId=2001").expect(200).json().path("items");

        Path rebuilt = JarVersions.withVersion(jar, HIGHER, RUNTIME.harness().scratchDir().resolve("stripe-higher.jar"));
        RUNTIME.harness().swap(OLD_FILE, rebuilt, NEW_FILE);
        // Briefly not listed while the bundle is stopped, updated and started again.
        JsonNode after = Poll.until("stripe " + HIGHER + " listed", Duration.ofSeconds(20),
                () -> stripeEntry(api).filter(e -> e.path("bundle").path("version").asText().equals(HIGHER)),
                () -> stripeEntry(api).map(JsonNode::toString).orElse("not listed"));

        assertThat(after.path("bundle").path("id").asLong()).as("updated in place, not reinstalled")
                .isEqualTo(before.path("bundle").path("id").asLong());
        assertThat(api.get(AdminApi.instance("gateways", STRIPE, instanceId)).expect(200).json()
                .path("config").path("stripe_secret_key").asText()).isEqualTo("set");
        assertThat(api.get(AdminApi.ADMIN + "/payments?invoiceId=2001").expect(200).json().path("items"))
                .isEqualTo(paymentBefore);
        // The upgraded extension still verifies with the stored secret: a redelivery is a duplicate.
        assertThat(webhook(api, instanceId, payload, secret).expect(200).json().path("duplicates").asInt()).isEqualTo(1);
        assertThat(pay(api, instanceId, "2002").expect(200).json().path("type").asText()).isEqualTo("redirect");
        assertThat(paymentBefore).hasSize(1);
    }

    private static Optional<JsonNode> stripeEntry(AdminApi api) {
        for (JsonNode item : api.get(AdminApi.ADMIN + "/extensions/gateways").expect(200).json().path("items")) {
            if (item.path("name").asText().equals(STRIPE) && item.path("state").asText().equals("active")) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("stripe_secret_key", stripe.secretKey());
        config.put("stripe_publishable_key", FakeStripe.PUBLISHABLE_KEY);
        config.put("api_base", stripe.apiBase());
        return config;
    }

    private static AdminApi.Response pay(AdminApi api, String instanceId, String invoiceId) {
        Map<String, Object> invoice = Map.of("id", invoiceId, "number", "INV-" + invoiceId, "currency", "EUR",
                "total", "10.00", "items", List.of());
        return api.postJson(AdminApi.instance("gateways", STRIPE, instanceId) + "/pay", Map.of("invoice", invoice,
                "user", USER, "amount", "10.00", "returnUrl", "https://panel.example/i", "cancelUrl", "https://panel.example/"));
    }

    private static String paidCheckoutEvent(AdminApi api, String instanceId, String invoiceId) {
        pay(api, instanceId, invoiceId).expect(200);
        var sessions = stripe.objects("checkout.session");
        String session = stripe.completeCheckout(sessions.get(sessions.size() - 1).path("id").asText()).path("id").asText();
        return stripe.event("checkout.session.completed", session);
    }

    private static AdminApi.Response webhook(AdminApi api, String instanceId, String payload, String secret) {
        return api.withoutToken().send("POST", AdminApi.webhook(STRIPE, instanceId), AdminApi.JSON,
                payload.getBytes(StandardCharsets.UTF_8), "Stripe-Signature", StripeSignatures.header(payload, secret));
    }
}
