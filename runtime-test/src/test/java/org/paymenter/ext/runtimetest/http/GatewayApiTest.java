package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.assertProblem;
import static org.paymenter.ext.runtimetest.http.Problems.detail;
import static org.paymenter.ext.testkit.AdminApi.instance;
import static org.paymenter.ext.testkit.AdminApi.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.server.SampleServer;

import com.fasterxml.jackson.databind.JsonNode;

/** Paying, refunding and the provider's webhook, with the sample gateway whose signature is its secret. */
class GatewayApiTest {

    private static final String SECRET = "whsec-81c2d9";
    private static final int ONE_MIB = 1024 * 1024;

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static AdminApi api;
    /** How a payment provider calls: no Authorization header at all. */
    private static AdminApi provider;
    private static String id;
    private static String gateway;

    @BeforeAll
    static void deploySamples() {
        RuntimeHarness rt = RUNTIME.harness();
        api = AdminApi.of(rt);
        provider = api.withoutToken();
        api.install(Samples.gateway().build(rt.scratchDir()));
        api.install(Samples.server().build(rt.scratchDir()));
        api.awaitExtension("gateways", SampleGateway.NAME);
        api.awaitExtension("servers", SampleServer.NAME);
        id = api.createInstance("gateways", SampleGateway.NAME, "main", Map.of("secret", SECRET));
        gateway = instance("gateways", SampleGateway.NAME, id);
    }

    @Test
    void payAnswersWhereToSendTheCustomer() {
        JsonNode start = api.postJson(gateway + "/pay", payment("19.99")).expect(200).json();

        assertThat(start).isEqualTo(api.postJson(gateway + "/pay", payment("19.99")).json());
        assertThat(start.path("type").asText()).isEqualTo("redirect");
        assertThat(start.path("url").asText()).isEqualTo("https://pay.example/inv-7");
    }

    @Test
    void payWithoutWhatItNeedsIs422NamingTheFields() {
        Response r = api.postJson(gateway + "/pay", Map.of("invoice", Map.of("number", "2024-7")));
        assertThat(detail(r, 422)).contains("invoice.id").contains("invoice.currency").contains("amount");

        assertThat(detail(api.postJson(gateway + "/pay", payment("-5")), 422)).contains("amount");
        assertThat(detail(api.postJson(gateway + "/pay", payment("lots")), 422)).contains("amount");
    }

    @Test
    void refundOfAGatewayWithoutRefundsIs501() {
        Response r = api.postJson(gateway + "/refund", Map.of("transactionId", "tx-inv-7", "amount", "5.00"));

        assertThat(detail(r, 501)).contains(SampleGateway.NAME).contains("Refunds");
    }

    @Test
    void webhookWithTheRightSignatureIs200WithoutAnyBearerToken() {
        JsonNode r = provider.send("POST", webhook(SampleGateway.NAME, id), "text/plain",
                bytes("paid:inv-7:19.99"), SampleGateway.SIGNATURE_HEADER, SECRET).expect(200).json();

        assertThat(r.path("received").asBoolean()).isTrue();
        assertThat(r.path("payments").asInt()).isEqualTo(1);
        // A provider's own Authorization header (not ours) does not matter either.
        api.withToken("not-the-admin-token").send("POST", webhook(SampleGateway.NAME, id), "text/plain",
                bytes("paid:inv-7:19.99"), SampleGateway.SIGNATURE_HEADER, SECRET).expect(200);
    }

    @Test
    void forgedOrMalformedWebhookIs400() {
        assertThat(detail(webhookCall("paid:inv-7:19.99", "whsec-guess"), 400)).contains(SampleGateway.SIGNATURE_HEADER);
        assertThat(detail(provider.send("POST", webhook(SampleGateway.NAME, id), "text/plain",
                bytes("paid:inv-7:19.99")), 400)).contains(SampleGateway.SIGNATURE_HEADER);
        assertThat(detail(webhookCall("refunded:inv-7", SECRET), 400)).contains("paid:<invoiceId>:<amount>");
        // The admin token is no substitute for the provider's signature.
        assertProblem(api.send("POST", webhook(SampleGateway.NAME, id), "text/plain", bytes("paid:inv-7:19.99")), 400);
    }

    @Test
    void webhookForAnUnknownInstanceIs404() {
        assertProblem(webhookCall("paid:inv-7:19.99", SECRET, webhook(SampleGateway.NAME, "no-such-id")), 404);
        assertProblem(webhookCall("paid:inv-7:19.99", SECRET, webhook("stripe", id)), 404);
        String server = api.createInstance("servers", SampleServer.NAME, "not-a-gateway", Map.of("host", "a.example"));
        assertProblem(webhookCall("paid:inv-7:19.99", SECRET, webhook(SampleServer.NAME, server)), 404);
    }

    @Test
    void webhookBodyOverOneMibIs413() {
        byte[] tooBig = new byte[ONE_MIB + 1];
        Arrays.fill(tooBig, (byte) 'x');

        assertThat(detail(provider.send("POST", webhook(SampleGateway.NAME, id), "text/plain", tooBig,
                SampleGateway.SIGNATURE_HEADER, SECRET), 413)).contains(Integer.toString(ONE_MIB));
        // Without Content-Length (chunked), the limit holds as the body is read.
        assertProblem(provider.sendChunked("POST", webhook(SampleGateway.NAME, id), "text/plain", tooBig,
                SampleGateway.SIGNATURE_HEADER, SECRET), 413);
        // Exactly 1 MiB is within the limit: it reaches the gateway, which refuses what it reads.
        byte[] atLimit = Arrays.copyOf(tooBig, ONE_MIB);
        assertThat(detail(provider.send("POST", webhook(SampleGateway.NAME, id), "text/plain", atLimit,
                SampleGateway.SIGNATURE_HEADER, SECRET), 400)).contains("paid:<invoiceId>:<amount>");
    }

    private static Response webhookCall(String body, String signature) {
        return webhookCall(body, signature, webhook(SampleGateway.NAME, id));
    }

    private static Response webhookCall(String body, String signature, String path) {
        return provider.send("POST", path, "text/plain", bytes(body), SampleGateway.SIGNATURE_HEADER, signature);
    }

    /** A panel's pay request for invoice inv-7. */
    private static Map<String, Object> payment(String amount) {
        return Map.of(
                "invoice", Map.of("id", "inv-7", "number", "2024-7", "currency", "EUR", "total", "19.99",
                        "items", List.of(Map.of("id", "1", "description", "VPS S", "price", "19.99", "quantity", 1,
                                "serviceId", "42"))),
                "user", Map.of("id", "7", "email", "jo@example.com", "firstName", "Jo", "lastName", "Doe"),
                "amount", amount,
                "returnUrl", "https://panel.example/invoices/7",
                "cancelUrl", "https://panel.example/invoices/7?cancelled");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
