package org.paymenter.ext.others.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.api.other.PanelTopics;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.fakes.discord.FakeDiscordWebhook;
import org.paymenter.ext.testkit.fakes.discord.ReceivedRequest;
import org.paymenter.ext.testkit.fakes.discord.RetryAfterUnit;
import org.paymenter.ext.testkit.fakes.discord.Webhook;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * End to end: the built bundle in a running runtime's bundles folder, an instance configured through the
 * admin API with the fake Discord's webhook URL, panel events posted to {@code /api/v1/admin/events} and
 * delivered by the host off the event thread. The last test checks that the URL's token never showed up in
 * the runtime's log or in any answer the API gave during the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordNotificationsIT {

    private static final Path JAR = Path.of(System.getProperty("discord.bundle.jar",
            "target/discord-bundle-0.1.0-SNAPSHOT.jar"));
    private static final String CATEGORY = "others";
    private static final String NAME = "discordnotifications";
    private static final String PANEL = "https://panel.example.com";
    private static final Duration WAIT = Duration.ofMillis(500);

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static FakeDiscordWebhook discord;
    private static Webhook webhook;
    private static AdminApi api;
    private static String instanceId;
    /** Every answer of the API in this class, checked for the token at the end. */
    private static final List<AdminApi.Response> ANSWERS = new CopyOnWriteArrayList<>();
    /** Every webhook URL configured in this class (the good one and a wrong one). */
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void deployAndConfigure() {
        assertThat(JAR).as("the module's bundle, built by mvn package before the ITs").exists();
        discord = FakeDiscordWebhook.start();
        webhook = discord.createWebhook("Paymenter");
        RUNTIME.harness().deploy(JAR);
        api = AdminApi.of(RUNTIME.harness());
        api.awaitExtension(CATEGORY, NAME);
        String url = discord.url(webhook);
        SECRETS.addAll(List.of(url, webhook.token()));
        AdminApi.Response created = answer(api.postJson(AdminApi.instances(CATEGORY, NAME), Map.of("name", "discord-it",
                "config", Map.of("webhook_url", url, "username", "Billing", "panel_url", PANEL,
                        "events", List.of(PanelTopics.USER_CREATED, PanelTopics.INVOICE_PAID)))));
        instanceId = created.expect(201).json().path("id").asText();
    }

    @AfterAll
    static void stopDiscord() {
        if (discord != null) {
            discord.close();
        }
    }

    @BeforeEach
    void forgetRequests() {
        discord.reset();
    }

    private static AdminApi.Response answer(AdminApi.Response response) {
        ANSWERS.add(response);
        return response;
    }

    private static void publish(String topic, Map<String, Object> data) {
        answer(api.postJson(AdminApi.ADMIN + "/events", Map.of("topic", topic, "data", data))).expect(202);
    }

    private static List<Integer> statuses() {
        return discord.requests(webhook).stream().map(ReceivedRequest::status).toList();
    }

    @Test
    @Order(1)
    void theInstanceShowsItsWebhookUrlOnlyAsSet() {
        JsonNode instance = answer(api.get(AdminApi.instance(CATEGORY, NAME, instanceId))).expect(200).json();

        assertThat(instance.path("config").path("webhook_url").asText()).isEqualTo("set");
        assertThat(instance.path("config").path("events")).hasSize(2);
        JsonNode config = answer(api.get(AdminApi.extension(CATEGORY, NAME) + "/config")).expect(200).json();
        assertThat(config.toString()).contains("webhook_url", "ping_type", "events");
    }

    @Test
    @Order(2)
    void aUserCreatedEventReachesDiscordAsTheUserCreatedEmbed() {
        publish(PanelTopics.USER_CREATED, SamplePayloads.userCreated());

        JsonNode message = discord.awaitMessages(webhook, 1, Poll.DEFAULT_TIMEOUT).get(0);

        assertThat(message.path("content").asText()).isEqualTo(" ");
        assertThat(message.path("username").asText()).isEqualTo("Billing");
        JsonNode embed = message.path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("User Created");
        assertThat(embed.path("description").asText()).isEqualTo("A new event has occurred: User Created");
        assertThat(embed.path("color").asInt()).isEqualTo(0x00FF00);
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("Paymenter Notifications");
        List<String> fields = new ArrayList<>();
        embed.path("fields").forEach(f -> fields.add(f.path("name").asText() + ": " + f.path("value").asText()));
        assertThat(fields).containsExactly("ID: 7", "Name: Jane Doe", "Email: jane@example.com", "Company: Acme",
                "phone: +31 20 123 4567");
    }

    @Test
    @Order(3)
    void anInvoicePaidEventReachesDiscordWithTheInvoiceLink() {
        publish(PanelTopics.INVOICE_PAID, SamplePayloads.invoicePaid());

        JsonNode embed = discord.awaitMessages(webhook, 1, Poll.DEFAULT_TIMEOUT).get(0).path("embeds").get(0);

        assertThat(embed.path("title").asText()).isEqualTo("Invoice Paid");
        assertThat(embed.path("fields").get(0).path("name").asText()).isEqualTo("Id");
        assertThat(embed.path("fields").get(0).path("value").asText())
                .isEqualTo("[Invoice #40](" + PANEL + "/admin/invoices/40/edit)");
    }

    @Test
    @Order(4)
    void aRateLimitInSecondsIsWaitedOutAndTheMessageDeliveredOnce() {
        discord.rateLimitNext(1, WAIT, RetryAfterUnit.SECONDS);

        publish(PanelTopics.INVOICE_PAID, SamplePayloads.invoicePaid());

        assertThat(discord.awaitMessages(webhook, 1, Poll.DEFAULT_TIMEOUT)).hasSize(1);
        assertThat(statuses()).containsExactly(429, 204);
        List<ReceivedRequest> requests = discord.requests(webhook);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(WAIT);
    }

    @Test
    @Order(5)
    void aRateLimitInMillisecondsIsWaitedOutAsMilliseconds() {
        discord.rateLimitNext(1, WAIT, RetryAfterUnit.MILLISECONDS);

        publish(PanelTopics.USER_CREATED, SamplePayloads.userCreated());

        assertThat(discord.awaitMessages(webhook, 1, Poll.DEFAULT_TIMEOUT)).hasSize(1);
        assertThat(statuses()).containsExactly(429, 204);
    }

    @Test
    @Order(6)
    void twoServerErrorsThenSuccessDeliverTheMessageExactlyOnce() throws InterruptedException {
        discord.failNext(2, 500);

        publish(PanelTopics.INVOICE_PAID, SamplePayloads.invoicePaid());

        assertThat(discord.awaitMessages(webhook, 1, Poll.DEFAULT_TIMEOUT)).hasSize(1);
        Thread.sleep(RetryPolicy.backoff(1).toMillis()); // a wrong extra retry would arrive by now
        assertThat(statuses()).containsExactly(500, 500, 204);
    }

    @Test
    @Order(7)
    void executeOnOneInstanceAnswersWithTheDeliveryNote() {
        AdminApi.Response response = answer(api.postJson(AdminApi.instance(CATEGORY, NAME, instanceId) + "/execute",
                Map.of("topic", PanelTopics.INVOICE_PAID, "data", SamplePayloads.invoicePaid())));

        assertThat(response.expect(200).json().path("message").asText()).isEqualTo("posted 'Invoice Paid' to Discord (204)");
        assertThat(discord.messages(webhook)).hasSize(1);
    }

    @Test
    @Order(8)
    void executeOfAnEventTheInstanceDidNotSelectIsSkipped() {
        AdminApi.Response response = answer(api.postJson(AdminApi.instance(CATEGORY, NAME, instanceId) + "/execute",
                Map.of("topic", PanelTopics.TICKET_CREATED, "data", SamplePayloads.ticketCreated())));

        assertThat(response.expect(200).json().path("message").asText())
                .isEqualTo("skipped: instance 'discord-it' does not notify 'Ticket Created'");
        assertThat(discord.requests()).isEmpty();
    }

    @Test
    @Order(9)
    void aRefusedWebhookIs502WithDiscordsMessageAndIsLoggedWithoutItsUrl() throws IOException {
        String wrong = discord.baseUrl() + "/api/webhooks/" + webhook.id() + "/Wr0ngT0ken-abcdefghijklmnopqrstuvwxyz";
        SECRETS.addAll(List.of(wrong, "Wr0ngT0ken-abcdefghijklmnopqrstuvwxyz"));
        String brokenId = answer(api.postJson(AdminApi.instances(CATEGORY, NAME), Map.of("name", "broken",
                "config", Map.of("webhook_url", wrong, "events", List.of(PanelTopics.TICKET_CREATED)))))
                .expect(201).json().path("id").asText();

        AdminApi.Response refused = answer(api.postJson(AdminApi.instance(CATEGORY, NAME, brokenId) + "/execute",
                Map.of("topic", PanelTopics.TICKET_CREATED, "data", SamplePayloads.ticketCreated())));
        publish(PanelTopics.TICKET_CREATED, SamplePayloads.ticketCreated());

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.body()).contains("401 Invalid Webhook Token");
        Path log = RUNTIME.harness().dataDir().resolve("logs/runtime.0.log");
        Poll.untilTrue("the event's failure in the log", Poll.DEFAULT_TIMEOUT,
                () -> read(log).contains("'broken' failed: Discord refused the notification"), () -> tail(log));
        answer(api.delete(AdminApi.instance(CATEGORY, NAME, brokenId)));
    }

    @Test
    @Order(10)
    void aUrlThatIsNotAWebhookIsRefusedWithoutBeingEchoed() {
        String notAWebhook = "https://discord.com/channels/123/NotAWebhookButSecret";
        SECRETS.add("NotAWebhookButSecret");

        AdminApi.Response refused = answer(api.postJson(AdminApi.instances(CATEGORY, NAME), Map.of("name", "typo",
                "config", Map.of("webhook_url", notAWebhook, "events", List.of(PanelTopics.INVOICE_PAID)))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("webhook_url");
    }

    @Test
    @Order(11)
    void theWebhookUrlAndTokenAppearNeitherInTheLogsNorInAnyAnswer() {
        Path logs = RUNTIME.harness().dataDir().resolve("logs");
        String runtimeLog = read(logs.resolve("runtime.0.log"));
        String accessLog = read(logs.resolve("access.log"));

        assertThat(runtimeLog).as("the runtime's log").contains("Discord rate-limits this webhook for instance 'discord-it'");
        assertThat(ANSWERS).hasSizeGreaterThan(5);
        for (String secret : SECRETS) {
            assertThat(runtimeLog).as("the runtime's log").doesNotContain(secret);
            assertThat(accessLog).as("the access log").doesNotContain(secret);
            assertThat(ANSWERS).as("the API's answers").noneMatch(a -> a.body().contains(secret));
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        String text = read(file);
        return text.substring(Math.max(0, text.length() - 2000));
    }
}
