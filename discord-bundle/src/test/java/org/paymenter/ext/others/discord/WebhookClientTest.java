package org.paymenter.ext.others.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.http.HttpClients;
import org.paymenter.ext.testkit.fakes.discord.FakeDiscordWebhook;
import org.paymenter.ext.testkit.fakes.discord.ReceivedRequest;
import org.paymenter.ext.testkit.fakes.discord.RetryAfterUnit;
import org.paymenter.ext.testkit.fakes.discord.Webhook;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The retry policy, against the fake Discord. */
class WebhookClientTest {

    private static final byte[] MESSAGE = "{\"content\":\" \",\"embeds\":[{\"title\":\"Invoice Paid\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Duration WAIT = Duration.ofMillis(300);

    private static FakeDiscordWebhook discord;
    private static Webhook webhook;
    private final WebhookClient client = new WebhookClient(new HttpClients(WebhookClient::httpClientBuilder).client(true),
            new DiscordErrors(new ObjectMapper()));

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
    void forgetRequests() {
        discord.reset();
    }

    private static WebhookUrl url(String text) {
        return WebhookUrl.parse(text, "alerts");
    }

    private Delivery post() {
        return client.post(url(discord.url(webhook)), MESSAGE, "alerts");
    }

    private static List<Integer> statuses() {
        return discord.requests(webhook).stream().map(ReceivedRequest::status).toList();
    }

    private static Duration gap(int from, int to) {
        List<ReceivedRequest> requests = discord.requests(webhook);
        return Duration.between(requests.get(from).at(), requests.get(to).at());
    }

    @Test
    void postsOnceWhenDiscordAccepts() {
        assertThat(post()).isEqualTo(new Delivery(204, 1));
        assertThat(discord.messages(webhook)).hasSize(1);
        assertThat(discord.requests(webhook).get(0).contentType()).isEqualTo("application/json");
        assertThat(discord.requests(webhook).get(0).userAgent()).isEqualTo(WebhookClient.USER_AGENT);
    }

    @Test
    void aRateLimitInSecondsIsWaitedOutThenTheMessageIsPostedOnce() {
        discord.rateLimitNext(1, WAIT, RetryAfterUnit.SECONDS);

        assertThat(post()).isEqualTo(new Delivery(204, 2));

        assertThat(statuses()).containsExactly(429, 204);
        assertThat(gap(0, 1)).isGreaterThanOrEqualTo(WAIT);
        assertThat(discord.messages(webhook)).hasSize(1);
    }

    @Test
    void aRateLimitInMillisecondsIsWaitedOutAsMillisecondsNotSeconds() {
        discord.rateLimitNext(1, WAIT, RetryAfterUnit.MILLISECONDS);
        long start = System.nanoTime();

        assertThat(post()).isEqualTo(new Delivery(204, 2));

        assertThat(statuses()).containsExactly(429, 204);
        assertThat(gap(0, 1)).isGreaterThanOrEqualTo(WAIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aVersionedUrlTakesTheUnitItsVersionDocuments() {
        discord.rateLimitNext(1, WAIT, RetryAfterUnit.MILLISECONDS);

        assertThat(client.post(url(discord.url(webhook, 6)), MESSAGE, "alerts")).isEqualTo(new Delivery(204, 2));
        assertThat(gap(0, 1)).isGreaterThanOrEqualTo(WAIT).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRateLimitLongerThanTheDeliveryBudgetFailsAtOnce() {
        discord.rateLimitNext(1, Duration.ofSeconds(60), RetryAfterUnit.SECONDS);

        assertThatThrownBy(this::post).isInstanceOf(ExtensionException.class)
                .hasMessageContaining("asks to wait 60.00 s").hasMessageContaining("not posted");
        assertThat(statuses()).containsExactly(429);
    }

    @Test
    void repeatedRateLimitsGiveUpAfterTheAttemptLimit() {
        discord.rateLimitNext(RetryPolicy.MAX_ATTEMPTS + 2, Duration.ofMillis(20), RetryAfterUnit.SECONDS);

        assertThatThrownBy(this::post).isInstanceOf(ExtensionException.class)
                .hasMessageContaining("still rate-limits this webhook after " + RetryPolicy.MAX_ATTEMPTS + " attempts");
        assertThat(statuses()).hasSize(RetryPolicy.MAX_ATTEMPTS).containsOnly(429);
    }

    @Test
    void twoServerErrorsAreRetriedWithGrowingPausesThenTheMessageIsPostedOnce() {
        discord.failNext(2, 500);

        assertThat(post()).isEqualTo(new Delivery(204, 3));

        assertThat(statuses()).containsExactly(500, 500, 204);
        assertThat(gap(0, 1)).isGreaterThanOrEqualTo(RetryPolicy.backoff(1));
        assertThat(gap(1, 2)).isGreaterThanOrEqualTo(RetryPolicy.backoff(2));
        assertThat(discord.messages(webhook)).hasSize(1);
    }

    @Test
    void serverErrorsBeyondTheRetryLimitFailWithDiscordsAnswer() {
        discord.failNext(10, 503);

        assertThatThrownBy(this::post).isInstanceOf(ExtensionException.class)
                .hasMessageContaining("Discord answered 503: Service Unavailable; gave up after 4 attempts");
        assertThat(statuses()).hasSize(RetryPolicy.MAX_SERVER_ERROR_RETRIES + 1);
    }

    @Test
    void anUnknownWebhookFailsAtOnceWithDiscordsMessage() {
        String unknown = discord.baseUrl() + "/api/webhooks/123/" + webhook.token();

        assertThatThrownBy(() -> client.post(url(unknown), MESSAGE, "alerts")).isInstanceOf(ExtensionException.class)
                .hasMessageContaining("404 Unknown Webhook (code 10015)").hasMessageContaining("check the instance's webhook URL");
        assertThat(discord.requests()).hasSize(1);
    }

    @Test
    void aWrongTokenFailsAtOnceWithoutShowingEitherToken() {
        String wrong = discord.baseUrl() + "/api/webhooks/" + webhook.id() + "/not-the-token";

        assertThatThrownBy(() -> client.post(url(wrong), MESSAGE, "alerts")).isInstanceOf(ExtensionException.class)
                .hasMessageContaining("401 Invalid Webhook Token (code 50027)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-token", webhook.token()));
        assertThat(statuses()).containsExactly(401);
    }

    @Test
    void aRefusedBodyFailsAtOnceNamingTheFieldDiscordObjectsTo() {
        byte[] tooLong = ("{\"embeds\":[{\"title\":\"" + "t".repeat(257) + "\"}]}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> client.post(url(discord.url(webhook)), tooLong, "alerts"))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("400 Invalid Form Body (code 50035): embeds.0.title: Must be 256 or fewer in length.");
        assertThat(statuses()).containsExactly(400);
    }

    @Test
    void anUnreachableHostIsRetriedThenFailsWithoutTheUrl() {
        String closed;
        try (FakeDiscordWebhook gone = FakeDiscordWebhook.start()) {
            closed = gone.url(gone.createWebhook("gone"));
        }

        assertThatThrownBy(() -> client.post(url(closed), MESSAGE, "alerts")).isInstanceOf(ExtensionException.class)
                .hasMessageContaining("could not reach Discord").hasMessageContaining("gave up after 4 attempts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(closed, closed.substring(closed.lastIndexOf('/') + 1)));
    }
}
