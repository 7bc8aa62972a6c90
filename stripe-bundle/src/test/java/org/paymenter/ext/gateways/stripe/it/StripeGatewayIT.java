package org.paymenter.ext.gateways.stripe.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.fakes.stripe.FakeStripe;
import org.paymenter.ext.testkit.fakes.stripe.RecordedRequest;
import org.paymenter.ext.testkit.fakes.stripe.StripeSignatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The built bundle in a running runtime, driven through the admin API as a panel drives it, against the
 * fake Stripe: configure, pay, signed webhook, refunds, saved cards, and the failure paths.
 */
class StripeGatewayIT {

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static final String BUNDLE_JAR = "stripe.bundle.jar";
    private static final String STRIPE = "stripe";
    private static final Map<String, Object> USER = Map.of("id", "7", "email", "ada@example.com", "firstName", "Ada",
            "lastName", "Lovelace");

    private static FakeStripe stripe;
    private static AdminApi api;
    private static String instanceId;
    private static String webhookSecret;

    @BeforeAll
    static void deployTheBundleAndConfigureAnInstance() {
        Path jar = Path.of(System.getProperty(BUNDLE_JAR, "target/missing.jar"));
        assertThat(Files.isRegularFile(jar)).as("the module's bundle %s (run through mvn verify)", jar).isTrue();
        RUNTIME.harness().deploy(jar);
        api = AdminApi.of(RUNTIME.harness());
        api.awaitExtension("gateways", STRIPE);
        stripe = FakeStripe.start();
        instanceId = api.createInstance("gateways", STRIPE, "eu-1", config(stripe.secretKey(), "checkout"));
        // As an admin does: a webhook endpoint for this instance's route, its secret copied into the config.
        webhookSecret = stripe.createWebhookEndpoint("https://billing.example.com" + AdminApi.webhook(STRIPE,
                instanceId), "checkout.session.completed").path("secret").asText();
        Map<String, Object> withSecret = config(stripe.secretKey(), "checkout");
        withSecret.put("stripe_webhook_secret", webhookSecret);
        api.putJson(AdminApi.instance("gateways", STRIPE, instanceId), Map.of("config", withSecret)).expect(200);
    }

    @AfterAll
    static void stopTheFake() {
        if (stripe != null) {
            stripe.close();
        }
    }

    @AfterEach
    void healTheFake() {
        stripe.recover();
    }

    @Test
    void theExtensionIsListedWithItsMetadataAndSecretsComeBackOnlyAsSet() {
        JsonNode metadata = api.awaitExtension("gateways", STRIPE);
        JsonNode instance = api.get(AdminApi.instance("gateways", STRIPE, instanceId)).expect(200).json();

        assertThat(metadata.path("displayName").asText()).isEqualTo("Stripe Gateway");
        assertThat(instance.path("config").path("stripe_secret_key").asText()).isEqualTo("set");
        assertThat(instance.path("config").path("stripe_webhook_secret").asText()).isEqualTo("set");
        assertThat(instance.toString()).doesNotContain(stripe.secretKey()).doesNotContain(webhookSecret);
        assertThat(instance.path("config").path("api_base").asText()).isEqualTo(stripe.apiBase());
    }

    @Test
    void payingAnswersTheRedirectToTheCheckoutSessionTheFakeCreated() {
        JsonNode start = pay(instanceId, "1001", "19.99", "EUR").expect(200).json();

        ObjectNode session = lastSession();
        assertThat(start.path("type").asText()).isEqualTo("redirect");
        assertThat(start.path("url").asText()).isEqualTo(session.path("url").asText());
        assertThat(session.path("amount_total").asLong()).isEqualTo(1999);
        assertThat(session.path("metadata").path("invoice_id").asText()).isEqualTo("1001");
    }

    @Test
    void aSignedCheckoutWebhookIsRecordedOnceHoweverOftenItIsSentAndTheFeeJoinsTheSameRow() {
        pay(instanceId, "1002", "42.00", "EUR").expect(200);
        ObjectNode session = stripe.completeCheckout(lastSession().path("id").asText());
        String intent = session.path("payment_intent").asText();
        String payload = stripe.event("checkout.session.completed", session.path("id").asText());

        for (int delivery = 0; delivery < 3; delivery++) {
            webhook(payload, StripeSignatures.header(payload, webhookSecret)).expect(200);
        }

        JsonNode payment = single(payments("1002"));
        assertThat(payment.path("transactionId").asText()).isEqualTo(intent);
        assertThat(payment.path("amount").asText()).isEqualTo("42.00");
        assertThat(payment.path("currency").asText()).isEqualTo("EUR");
        assertThat(payment.path("status").asText()).isEqualTo("succeeded");
        assertThat(payment.path("gateway").asText()).isEqualTo(STRIPE);
        assertThat(payment.path("instanceId").asText()).isEqualTo(instanceId);
        assertThat(payment.path("fee").isNull()).isTrue();

        String charge = stripe.object(intent).orElseThrow().path("latest_charge").asText();
        String feeEvent = stripe.event("charge.updated", charge);
        webhook(feeEvent, StripeSignatures.header(feeEvent, webhookSecret)).expect(200);

        JsonNode withFee = single(payments("1002"));
        assertThat(withFee.path("fee").asText()).isEqualTo("1.52"); // 2.9 % of 42.00 + 0.30, as the fake charges
        assertThat(withFee.path("amount").asText()).isEqualTo("42.00");
        assertThat(withFee.path("id").asText()).isEqualTo(payment.path("id").asText());
    }

    @Test
    void aSubscriptionsRenewalIsRecordedUnderItsSubscriptionForThePanelToMatch() {
        Map<String, Object> subscriptions = config(stripe.secretKey(), "checkout");
        subscriptions.put("billing", "subscription");
        subscriptions.put("stripe_webhook_secret", webhookSecret);
        String instance = api.createInstance("gateways", STRIPE, "subscriptions", subscriptions);
        pay(instance, "1100", "9.99", "USD").expect(200);
        ObjectNode session = stripe.completeCheckout(lastSession().path("id").asText());
        String subscription = session.path("subscription").asText();
        String completed = stripe.event("checkout.session.completed", session.path("id").asText());
        webhook(instance, completed, StripeSignatures.header(completed, webhookSecret)).expect(200);

        ObjectNode renewal = stripe.renewSubscription(subscription);
        String paid = stripe.event("invoice.payment_succeeded", renewal.path("id").asText());
        webhook(instance, paid, StripeSignatures.header(paid, webhookSecret)).expect(200);
        webhook(instance, paid, StripeSignatures.header(paid, webhookSecret)).expect(200); // Stripe's retry

        JsonNode first = single(payments("1100"));
        assertThat(first.path("subscriptionId").asText()).isEqualTo(subscription);
        JsonNode rows = api.get(AdminApi.ADMIN + "/payments?subscriptionId=" + subscription).expect(200).json()
                .path("items");
        assertThat(rows.size()).as("the subscription's payments: %s", rows).isEqualTo(2);
        JsonNode renewed = rows.get(0); // newest first
        assertThat(renewed.path("invoiceId").isNull()).isTrue();
        assertThat(renewed.path("amount").asText()).isEqualTo("9.99");
        assertThat(renewed.path("status").asText()).isEqualTo("succeeded");
        assertThat(renewed.path("transactionId").asText()).isNotEqualTo(first.path("transactionId").asText());
        assertThat(rows.get(1).path("id").asText()).isEqualTo(first.path("id").asText());
    }

    @Test
    void forgedExpiredAndUnsignedWebhooksAre400() {
        pay(instanceId, "1003", "42.00", "EUR").expect(200);
        String payload = stripe.event("checkout.session.completed",
                stripe.completeCheckout(lastSession().path("id").asText()).path("id").asText());

        Response forged = webhook(payload, StripeSignatures.header(payload, "whsec_notTheRealSecret"));
        Response expired = webhook(payload, StripeSignatures.header(payload,
                Instant.now().minus(Duration.ofSeconds(301)), webhookSecret));
        Response unsigned = webhook(payload, null);
        Response tampered = webhook(payload.replace("1003", "9999"), StripeSignatures.header(payload, webhookSecret));

        for (Response r : List.of(forged, expired, unsigned, tampered)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.contentType()).isEqualTo(AdminApi.PROBLEM_JSON);
            assertThat(r.json().path("detail").asText()).startsWith("webhook rejected");
        }
        assertThat(expired.json().path("detail").asText()).contains("tolerance");
        assertThat(payments("1003")).isEmpty();
    }

    @Test
    void fullAndPartialRefundsSendStripeTheRightAmounts() {
        String intent = paidIntent("1004", "50.00");

        JsonNode partial = api.postJson(operation(instanceId, "refund"),
                Map.of("transactionId", intent, "amount", "12.34", "currency", "EUR")).expect(200).json();
        JsonNode rest = api.postJson(operation(instanceId, "refund"), Map.of("transactionId", intent)).expect(200)
                .json();

        List<RecordedRequest> refunds = stripe.requests("POST", "/v1/refunds");
        assertThat(refunds).extracting(r -> r.param("payment_intent")).containsOnly(intent);
        assertThat(refunds).extracting(r -> r.param("amount")).containsExactly("1234", null);
        assertThat(stripe.objects("refund")).extracting(r -> r.path("amount").asLong()).contains(1234L, 3766L);
        assertThat(partial.path("amount").asText()).isEqualTo("12.34");
        assertThat(partial.path("currency").asText()).isEqualTo("EUR");
        assertThat(partial.path("refundId").asText()).startsWith("re_");
        assertThat(rest.path("amount").asText()).isEqualTo("37.66");
        assertThat(rest.path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aRemote500Is502WithStripesMessage() {
        stripe.failWith(500);

        Response r = pay(instanceId, "1005", "10.00", "EUR");

        assertThat(r.status()).as(r.toString()).isEqualTo(502);
        assertThat(r.json().path("detail").asText()).contains("Stripe answered 500")
                .contains("An unknown error occurred");
    }

    @Test
    void aWrongSecretKeyIs502WithStripesMessage() {
        String wrongKey = "sk_test_51WrongKeyForThisAccount0000000000000000000000WXYZ";
        String wrong = api.createInstance("gateways", STRIPE, "wrong-key", config(wrongKey, "checkout"));

        Response r = pay(wrong, "1006", "10.00", "EUR");

        assertThat(r.status()).as(r.toString()).isEqualTo(502);
        assertThat(r.json().path("detail").asText()).contains("Stripe answered 401")
                .contains("Invalid API Key provided: sk_test_").contains("WXYZ").doesNotContain(wrongKey);
    }

    @Test
    void thePaymentIntentFlowAnswersAClientSecretWithThePublishableKey() {
        String intents = api.createInstance("gateways", STRIPE, "elements", config(stripe.secretKey(),
                "payment_intent"));

        JsonNode start = pay(intents, "1007", "15.00", "USD").expect(200).json();

        ObjectNode intent = stripe.objects("payment_intent").get(stripe.objects("payment_intent").size() - 1);
        assertThat(start.path("type").asText()).isEqualTo("client_secret");
        assertThat(start.path("clientSecret").asText()).isEqualTo(intent.path("client_secret").asText());
        assertThat(start.path("publishableKey").asText()).isEqualTo(FakeStripe.PUBLISHABLE_KEY);
        assertThat(intent.path("amount").asLong()).isEqualTo(1500);
    }

    @Test
    void aSavedCardIsSetUpChargedOffSessionAndCancelled() {
        JsonNode setup = api.postJson(operation(instanceId, "agreements"),
                Map.of("user", USER, "returnUrl", "https://panel.example/payment-methods")).expect(200).json();
        ObjectNode session = stripe.completeCheckout(lastSession().path("id").asText());
        String method = stripe.object(session.path("setup_intent").asText()).orElseThrow().path("payment_method")
                .asText();
        Map<String, Object> agreement = Map.of("externalReference", method, "userId", "7", "name", "Visa **** 4242");

        JsonNode charged = api.postJson(operation(instanceId, "charge"), Map.of("invoice",
                Map.of("id", "1008", "currency", "EUR", "total", "30.00"), "amount", "30.00", "agreement", agreement))
                .expect(200).json();
        JsonNode cancelled = api.postJson(operation(instanceId, "agreements/cancel"), Map.of("agreement", agreement))
                .expect(200).json();

        assertThat(setup.path("type").asText()).isEqualTo("redirect");
        assertThat(session.path("mode").asText()).isEqualTo("setup");
        assertThat(charged.path("ok").asBoolean()).isTrue();
        RecordedRequest charge = stripe.requests("POST", "/v1/payment_intents").stream()
                .filter(r -> "1008".equals(r.param("metadata", "invoice_id"))).findFirst().orElseThrow();
        assertThat(charge.param("off_session")).isEqualTo("true");
        assertThat(charge.param("amount")).isEqualTo("3000");
        assertThat(cancelled.path("ok").asBoolean()).isTrue();
        assertThat(stripe.requests("POST", "/v1/payment_methods/" + method + "/detach")).hasSize(1);
    }

    @Test
    void webhookSetupRegistersThisInstancesUrlAndStoresTheSigningSecret() {
        String auto = api.createInstance("gateways", STRIPE, "auto", config(stripe.secretKey(), "checkout"));

        JsonNode answer = api.postJson(operation(auto, "webhook-setup"),
                Map.of("publicUrl", "https://billing.example.com/")).expect(200).json();

        String expected = "https://billing.example.com" + AdminApi.webhook(STRIPE, auto);
        ObjectNode endpoint = stripe.objects("webhook_endpoint").stream()
                .filter(e -> e.path("url").asText().equals(expected)).findFirst().orElseThrow();
        assertThat(answer.path("url").asText()).isEqualTo(expected);
        assertThat(answer.toString()).doesNotContain("whsec_");
        assertThat(api.get(AdminApi.instance("gateways", STRIPE, auto)).expect(200).json().path("config")
                .path("stripe_webhook_secret").asText()).isEqualTo("set");
        String payload = stripe.event("checkout.session.completed",
                stripe.completeCheckout(paySession(auto, "1010")).path("id").asText());
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        api.withoutToken().send("POST", AdminApi.webhook(STRIPE, auto), AdminApi.JSON, body, "Stripe-Signature",
                StripeSignatures.header(payload, stripe.webhookSecret(endpoint.path("id").asText()))).expect(200);
        assertThat(payments("1010")).hasSize(1);
    }

    @Test
    void webhookSetupNeedsAPublicHttpUrl() {
        assertThat(api.postJson(operation(instanceId, "webhook-setup"), Map.of("publicUrl", "billing")).status())
                .isEqualTo(422);
        assertThat(api.postJson(operation(instanceId, "webhook-setup"), Map.of()).status()).isEqualTo(422);
    }

    private static String paySession(String instance, String invoiceId) {
        pay(instance, invoiceId, "12.00", "EUR").expect(200);
        return lastSession().path("id").asText();
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static Map<String, Object> config(String secretKey, String flow) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("stripe_secret_key", secretKey);
        config.put("stripe_publishable_key", FakeStripe.PUBLISHABLE_KEY);
        config.put("payment_flow", flow);
        config.put("api_base", stripe.apiBase());
        return config;
    }

    private static String operation(String instance, String op) {
        return AdminApi.instance("gateways", STRIPE, instance) + "/" + op;
    }

    private static Response pay(String instance, String invoiceId, String amount, String currency) {
        Map<String, Object> invoice = Map.of("id", invoiceId, "number", "INV-" + invoiceId, "currency", currency,
                "total", amount, "items", List.of());
        return api.postJson(operation(instance, "pay"), Map.of("invoice", invoice, "user", USER, "amount", amount,
                "returnUrl", "https://panel.example/invoices/" + invoiceId, "cancelUrl", "https://panel.example/"));
    }

    private static Response webhook(String payload, String signature) {
        return webhook(instanceId, payload, signature);
    }

    private static Response webhook(String instance, String payload, String signature) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String path = AdminApi.webhook(STRIPE, instance);
        return signature == null ? api.withoutToken().send("POST", path, AdminApi.JSON, body)
                : api.withoutToken().send("POST", path, AdminApi.JSON, body, "Stripe-Signature", signature);
    }

    /** The ledger's rows for an invoice. */
    private static JsonNode payments(String invoiceId) {
        return api.get(AdminApi.ADMIN + "/payments?invoiceId=" + invoiceId).expect(200).json().path("items");
    }

    private static JsonNode single(JsonNode items) {
        assertThat(items.size()).as("ledger rows: %s", items).isEqualTo(1);
        return items.get(0);
    }

    private static ObjectNode lastSession() {
        List<ObjectNode> sessions = stripe.objects("checkout.session");
        return sessions.get(sessions.size() - 1);
    }

    private static String paidIntent(String invoiceId, String amount) {
        pay(instanceId, invoiceId, amount, "EUR").expect(200);
        return stripe.completeCheckout(lastSession().path("id").asText()).path("payment_intent").asText();
    }
}
