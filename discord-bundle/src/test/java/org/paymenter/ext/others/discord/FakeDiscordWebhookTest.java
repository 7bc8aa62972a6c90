package org.paymenter.ext.others.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.testkit.fakes.discord.FakeDiscordWebhook;
import org.paymenter.ext.testkit.fakes.discord.RetryAfterUnit;
import org.paymenter.ext.testkit.fakes.discord.Webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fake answers as Discord's Execute Webhook does, so the extension's tests mean something. */
class FakeDiscordWebhookTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String EMBED = "{\"embeds\":[{\"title\":\"t\",\"fields\":[{\"name\":\"n\",\"value\":\"v\"}]}]}";

    private static FakeDiscordWebhook discord;
    private static Webhook webhook;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startDiscord() {
        discord = FakeDiscordWebhook.start();
        webhook = discord.createWebhook("Paymenter");
    }

    @AfterAll
    static void stopDiscord() {
        discord.close();
    }

    @BeforeEach
    void forget() {
        discord.reset();
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(discord.url(webhook), body);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    @Test
    void aValidMessageIsPostedWith204AndNoBody() throws Exception {
        HttpResponse<String> response = post(EMBED);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).isPresent();
        assertThat(discord.messages(webhook)).hasSize(1);
    }

    @Test
    void waitTrueAnswers200WithTheMessageObject() throws Exception {
        JsonNode message = json(post(discord.url(webhook) + "?wait=true", "{\"content\":\"hi\",\"username\":\"Billing\","
                + EMBED.substring(1)));

        assertThat(message.path("webhook_id").asText()).isEqualTo(webhook.id());
        assertThat(message.path("channel_id").asText()).isEqualTo(webhook.channelId());
        assertThat(message.path("author").path("username").asText()).isEqualTo("Billing");
        assertThat(message.path("embeds").get(0).path("type").asText()).isEqualTo("rich");
        assertThat(message.path("content").asText()).isEqualTo("hi");
    }

    @Test
    void theVersionedPathWorksToo() throws Exception {
        assertThat(post(discord.url(webhook, 10), EMBED).statusCode()).isEqualTo(204);
    }

    @Test
    void anEmptyOrBlankMessageIs400CannotSendAnEmptyMessage() throws Exception {
        for (String body : new String[] { "{}", "{\"content\":\"   \"}", "{\"content\":\" \",\"embeds\":[]}" }) {
            HttpResponse<String> response = post(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(json(response).path("code").asInt()).isEqualTo(50006);
            assertThat(json(response).path("message").asText()).isEqualTo("Cannot send an empty message");
        }
    }

    @Test
    void invalidJsonIs50109() throws Exception {
        HttpResponse<String> response = post("{\"content\":");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("code").asInt()).isEqualTo(50109);
    }

    @Test
    void moreThanTenEmbedsIsAnInvalidFormBody() throws Exception {
        String eleven = "{\"embeds\":[" + String.join(",", java.util.Collections.nCopies(11, "{\"title\":\"t\"}")) + "]}";

        JsonNode error = json(post(eleven));

        assertThat(error.path("code").asInt()).isEqualTo(50035);
        assertThat(error.path("message").asText()).isEqualTo("Invalid Form Body");
        assertThat(error.path("errors").path("embeds").path("_errors").get(0).path("message").asText())
                .isEqualTo("Must be 10 or fewer in length.");
    }

    @Test
    void embedLimitsAreReportedUnderTheFieldsPath() throws Exception {
        String body = "{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\",\"color\":16777216,\"timestamp\":\"yesterday\","
                + "\"fields\":[{\"name\":\"n\",\"value\":\"" + "v".repeat(1025) + "\"},{\"value\":\"v\"}]}]}";

        JsonNode errors = json(post(body)).path("errors").path("embeds").path("0");

        assertThat(errors.path("title").path("_errors").get(0).path("code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(errors.path("color").path("_errors").get(0).path("code").asText()).isEqualTo("NUMBER_TYPE_MAX");
        assertThat(errors.path("timestamp").path("_errors").get(0).path("code").asText()).isEqualTo("DATE_TIME_TYPE_PARSE");
        assertThat(errors.path("fields").path("0").path("value").path("_errors").get(0).path("message").asText())
                .isEqualTo("Must be 1024 or fewer in length.");
        assertThat(errors.path("fields").path("1").path("name").path("_errors").get(0).path("code").asText())
                .isEqualTo("BASE_TYPE_REQUIRED");
        assertThat(discord.messages(webhook)).isEmpty();
    }

    @Test
    void moreThanTwentyFiveFieldsOrSixThousandCharactersAreRefused() throws Exception {
        String field = "{\"name\":\"n\",\"value\":\"" + "v".repeat(1000) + "\"}";
        String body = "{\"embeds\":[{\"fields\":[" + String.join(",", java.util.Collections.nCopies(26, field)) + "]}]}";

        JsonNode errors = json(post(body)).path("errors").path("embeds");

        assertThat(errors.path("0").path("fields").path("_errors").get(0).path("message").asText())
                .isEqualTo("Must be 25 or fewer in length.");
        assertThat(errors.path("_errors").get(0).path("code").asText()).isEqualTo("MAX_EMBED_SIZE_EXCEEDED");
    }

    @Test
    void aUsernameOutside1To80IsRefused() throws Exception {
        JsonNode error = json(post("{\"content\":\"x\",\"username\":\"" + "u".repeat(81) + "\"}"));

        assertThat(error.path("errors").path("username").path("_errors").get(0).path("code").asText())
                .isEqualTo("BASE_TYPE_BAD_LENGTH");
    }

    @Test
    void anUnknownWebhookIs404AndAWrongToken401InDiscordsShape() throws Exception {
        HttpResponse<String> unknown = post(discord.baseUrl() + "/api/webhooks/42/" + webhook.token(), EMBED);
        HttpResponse<String> wrongToken = post(discord.baseUrl() + "/api/webhooks/" + webhook.id() + "/nope", EMBED);
        HttpResponse<String> notSnowflake = post(discord.baseUrl() + "/api/webhooks/abc/nope", EMBED);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("message").asText()).isEqualTo("Unknown Webhook");
        assertThat(json(unknown).path("code").asInt()).isEqualTo(10015);
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(json(wrongToken).path("message").asText()).isEqualTo("Invalid Webhook Token");
        assertThat(json(wrongToken).path("code").asInt()).isEqualTo(50027);
        assertThat(notSnowflake.statusCode()).isEqualTo(400);
        assertThat(json(notSnowflake).path("errors").path("webhook_id").path("_errors").get(0).path("code").asText())
                .isEqualTo("NUMBER_TYPE_COERCE");
    }

    @Test
    void aRateLimitInSecondsHasAFloatRetryAfterAndWholeSecondHeader() throws Exception {
        discord.rateLimitNext(1, Duration.ofMillis(1500), RetryAfterUnit.SECONDS);

        HttpResponse<String> response = post(EMBED);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).path("message").asText()).isEqualTo("You are being rate limited.");
        assertThat(json(response).path("retry_after").asDouble()).isEqualTo(1.5);
        assertThat(json(response).path("global").asBoolean(true)).isFalse();
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("0");
        assertThat(response.headers().firstValue("X-RateLimit-Reset-After")).contains("1.500");
    }

    @Test
    void aRateLimitInMillisecondsStatesMillisecondsInBodyAndHeader() throws Exception {
        discord.rateLimitNext(1, Duration.ofMillis(300), RetryAfterUnit.MILLISECONDS);

        HttpResponse<String> response = post(EMBED);

        assertThat(json(response).path("retry_after").isIntegralNumber()).isTrue();
        assertThat(json(response).path("retry_after").asInt()).isEqualTo(300);
        assertThat(response.headers().firstValue("Retry-After")).contains("300");
    }

    @Test
    void aRetryBeforeTheWaitIsOverIsRateLimitedAgainAndOneAfterItPosts() throws Exception {
        discord.rateLimitNext(1, Duration.ofMillis(400), RetryAfterUnit.SECONDS);

        assertThat(post(EMBED).statusCode()).isEqualTo(429);
        assertThat(post(EMBED).statusCode()).isEqualTo(429);
        Thread.sleep(450);
        assertThat(post(EMBED).statusCode()).isEqualTo(204);
    }

    @Test
    void failNextAnswersTheStatusThenRecovers() throws Exception {
        discord.failNext(1, 502);

        HttpResponse<String> failed = post(EMBED);

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(json(failed).path("message").asText()).isEqualTo("502: Bad Gateway");
        assertThat(post(EMBED).statusCode()).isEqualTo(204);
    }

    @Test
    void delayHoldsTheAnswer() throws Exception {
        discord.delay(Duration.ofMillis(300));
        long start = System.nanoTime();

        post(EMBED);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(discord.url(webhook))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void theWebhooksTokenIsNotInItsToString() {
        assertThat(webhook.toString()).doesNotContain(webhook.token());
    }
}
