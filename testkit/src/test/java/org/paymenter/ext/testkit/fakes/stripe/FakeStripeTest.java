package org.paymenter.ext.testkit.fakes.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fake answers as Stripe does, seen over plain HTTP. */
class FakeStripeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FakeStripe stripe = FakeStripe.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void bracketNotationIsParsedWithAndWithoutIndices() {
        Map<String, Object> params = FormBody.parse("metadata%5Binvoice_id%5D=5&expand[]=a&expand[]=b"
                + "&line_items[0][price_data][currency]=eur&line_items[1][quantity]=2&enabled_events[0]=x&empty=");

        assertThat(params).containsEntry("metadata", Map.of("invoice_id", "5"))
                .containsEntry("expand", List.of("a", "b"))
                .containsEntry("enabled_events", List.of("x"))
                .containsEntry("empty", "");
        assertThat(params.get("line_items")).isEqualTo(List.of(Map.of("price_data", Map.of("currency", "eur")),
                Map.of("quantity", "2")));
    }

    @Test
    void aWrongKeyIsStripes401WithTheKeyMasked() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/customers", null, "sk_test_51SomeoneElse000000000000WXYZ", null);

        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode error = json(r).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText())
                .isEqualTo("Invalid API Key provided: sk_test_" + "*".repeat(25) + "WXYZ");
    }

    @Test
    void noKeyIsStripes401AskingForOne() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/customers", null, null, null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("error").path("message").asText()).startsWith("You did not provide an API key.");
    }

    @Test
    void anUnknownObjectIsA404ResourceMissing() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/payment_intents/pi_nope", null, stripe.secretKey(), null);

        assertThat(r.statusCode()).isEqualTo(404);
        JsonNode error = json(r).path("error");
        assertThat(error.path("code").asText()).isEqualTo("resource_missing");
        assertThat(error.path("message").asText()).isEqualTo("No such payment_intent: 'pi_nope'");
        assertThat(error.path("param").asText()).isEqualTo("id");
    }

    @Test
    void aMissingParameterIsA400NamingIt() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/payment_intents", "currency=eur", stripe.secretKey(), null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).path("error").path("code").asText()).isEqualTo("parameter_missing");
        assertThat(json(r).path("error").path("param").asText()).isEqualTo("amount");
    }

    @Test
    void objectsHaveStripesShape() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/payment_intents",
                "amount=1999&currency=EUR&metadata[invoice_id]=42", stripe.secretKey(), null);

        JsonNode pi = json(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(pi.path("id").asText()).startsWith("pi_");
        assertThat(pi.path("object").asText()).isEqualTo("payment_intent");
        assertThat(pi.path("amount").asLong()).isEqualTo(1999);
        assertThat(pi.path("currency").asText()).isEqualTo("eur");
        assertThat(pi.path("livemode").asBoolean()).isFalse();
        assertThat(pi.path("client_secret").asText()).startsWith(pi.path("id").asText() + "_secret_");
        assertThat(pi.path("metadata").path("invoice_id").asText()).isEqualTo("42");
        assertThat(r.headers().firstValue("Request-Id")).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndOtherParametersAreRefused() throws Exception {
        HttpResponse<String> first = send("POST", "/v1/customers", "email=a%40example.com", stripe.secretKey(), "k1");
        HttpResponse<String> replay = send("POST", "/v1/customers", "email=a%40example.com", stripe.secretKey(), "k1");
        HttpResponse<String> other = send("POST", "/v1/customers", "email=b%40example.com", stripe.secretKey(), "k1");

        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(stripe.objects("customer")).hasSize(1);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(json(other).path("error").path("type").asText()).isEqualTo("idempotency_error");
    }

    @Test
    void itCanBeToldToFailToRateLimitAndToBeSlowAndRecordsEverything() throws Exception {
        stripe.failNext(1, 500);
        HttpResponse<String> failed = send("GET", "/v1/customers", null, stripe.secretKey(), null);
        HttpResponse<String> healed = send("GET", "/v1/customers", null, stripe.secretKey(), null);
        stripe.rateLimit();
        HttpResponse<String> limited = send("GET", "/v1/customers", null, stripe.secretKey(), null);
        stripe.recover();
        stripe.delay(Duration.ofMillis(300));
        long start = System.nanoTime();
        send("GET", "/v1/customers?email=a%40b.c", null, stripe.secretKey(), null);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(json(failed).path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(healed.statusCode()).isEqualTo(200);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).path("error").path("code").asText()).isEqualTo("rate_limit");
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
        assertThat(stripe.requests()).extracting(RecordedRequest::status).containsExactly(500, 200, 429, 200);
        assertThat(stripe.requests().get(3).param("email")).isEqualTo("a@b.c");
    }

    @Test
    void aCompletedCheckoutSessionHasAPaidIntentAChargeAndAFee() throws Exception {
        String session = json(send("POST", "/v1/checkout/sessions", "mode=payment&success_url=https%3A%2F%2Fx"
                + "&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd"
                + "&line_items[0][price_data][unit_amount]=1000&line_items[0][price_data][product_data][name]=Inv"
                + "&payment_intent_data[metadata][invoice_id]=9", stripe.secretKey(), null)).path("id").asText();

        JsonNode done = stripe.completeCheckout(session);

        JsonNode pi = stripe.object(done.path("payment_intent").asText()).orElseThrow();
        JsonNode charge = stripe.object(pi.path("latest_charge").asText()).orElseThrow();
        JsonNode txn = stripe.object(charge.path("balance_transaction").asText()).orElseThrow();
        assertThat(done.path("status").asText()).isEqualTo("complete");
        assertThat(done.path("payment_status").asText()).isEqualTo("paid");
        assertThat(pi.path("status").asText()).isEqualTo("succeeded");
        assertThat(pi.path("metadata").path("invoice_id").asText()).isEqualTo("9");
        assertThat(charge.path("metadata").path("invoice_id").asText()).isEqualTo("9");
        assertThat(txn.path("fee").asLong()).isEqualTo(59);
        assertThat(txn.path("net").asLong()).isEqualTo(941);
    }

    @Test
    void signatureHeadersCarryOneV1PerSecret() {
        String header = StripeSignatures.header("{}", java.time.Instant.ofEpochSecond(1700000000), "whsec_a",
                "whsec_b");

        assertThat(header).matches("t=1700000000,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String form, String key,
            String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripe.apiBase() + pathAndQuery))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }
}
