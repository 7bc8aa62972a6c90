package org.paymenter.ext.others.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.ConfigValidator;
import org.paymenter.ext.api.config.FieldError;
import org.paymenter.ext.api.config.FieldOption;
import org.paymenter.ext.api.config.FieldType;
import org.paymenter.ext.api.config.ValidationResult;
import org.paymenter.ext.api.other.PanelEvent;
import org.paymenter.ext.api.other.PanelTopics;
import org.paymenter.ext.testkit.fakes.discord.FakeDiscordWebhook;
import org.paymenter.ext.testkit.fakes.discord.Webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** The extension as the host calls it: config schema, topics, execute against the fake Discord. */
class DiscordNotificationsTest {

    private static FakeDiscordWebhook discord;
    private static Webhook webhook;
    private final DiscordNotifications extension = new DiscordNotifications();

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

    private static ConfigField field(List<ConfigField> schema, String name) {
        return schema.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static Map<String, Object> validConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("webhook_url", "https://discord.com/api/webhooks/123456789012345678/AbC-dEf_123");
        config.put("events", List.of(PanelTopics.USER_CREATED, PanelTopics.INVOICE_PAID));
        return config;
    }

    @Test
    void metadataNamesTheExtensionAsItsUrlsDo() {
        assertThat(extension.metadata().name()).isEqualTo("discordnotifications");
    }

    @Test
    void theWebhookUrlIsARequiredSecret() {
        ConfigField url = field(extension.configSchema(), "webhook_url");

        assertThat(url.secret()).isTrue();
        assertThat(url.type()).isEqualTo(FieldType.PASSWORD);
        assertThat(url.required()).isTrue();
    }

    @Test
    void theSchemaHasTheSpecsFieldsPlusLookLinksAndTls() {
        assertThat(extension.configSchema()).extracting(ConfigField::name).containsExactly("webhook_url", "username",
                "avatar_url", "ping_type", "ping_id", "events", "panel_url", "verify_tls");
        ConfigField events = field(extension.configSchema(), "events");
        assertThat(events.multiple()).isTrue();
        assertThat(events.required()).isTrue();
        assertThat(events.options()).extracting(FieldOption::label).contains("User Created", "Invoice Paid",
                "Ticket Replied", "Order Created");
        assertThat(field(extension.configSchema(), "ping_type").options()).extracting(FieldOption::value)
                .containsExactly("none", "user", "role");
    }

    @Test
    void aWebhookUrlWithDefaultsValidates() {
        ValidationResult result = ConfigValidator.validate(extension.configSchema(), validConfig());

        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("ping_type", "none").containsEntry("verify_tls", true);
    }

    @Test
    void aPlainHttpWebhookUrlToAnotherMachineIsRefusedWhenSaved() {
        Map<String, Object> config = validConfig();
        config.put("webhook_url", "http://discord.com/api/webhooks/1/tok");
        Map<String, Object> local = validConfig();
        local.put("webhook_url", "http://127.0.0.1:9000/api/webhooks/1/tok");

        assertThat(ConfigValidator.validate(extension.configSchema(), config).errors())
                .extracting(FieldError::field).containsExactly("webhook_url");
        assertThat(ConfigValidator.validate(extension.configSchema(), local).errors()).isEmpty();
    }

    @Test
    void usernamesDiscordRefusesAreRefusedWhenTheInstanceIsSaved() {
        for (String name : new String[] { "Discord Alerts", "my clyde", "everyone", "HERE", "x".repeat(81) }) {
            Map<String, Object> config = validConfig();
            config.put("username", name);

            assertThat(ConfigValidator.validate(extension.configSchema(), config).errors())
                    .as(name).extracting(FieldError::field).containsExactly("username");
        }
        Map<String, Object> fine = validConfig();
        fine.put("username", "Everyone's Billing");
        assertThat(ConfigValidator.validate(extension.configSchema(), fine).errors()).isEmpty();
    }

    @Test
    void aUrlThatIsNotAWebhookIsRefusedWithoutEchoingIt() {
        Map<String, Object> config = validConfig();
        config.put("webhook_url", "https://discord.com/channels/123/secret-ish");

        ValidationResult result = ConfigValidator.validate(extension.configSchema(), config);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("webhook_url");
        assertThat(result.errors()).extracting(FieldError::message).noneMatch(m -> m.contains("secret-ish"));
    }

    @Test
    void anUnknownEventAndABadPingIdAreRefused() {
        Map<String, Object> config = validConfig();
        config.put("events", List.of("paymenter/auth/login"));
        config.put("ping_id", "@everyone");

        assertThat(ConfigValidator.validate(extension.configSchema(), config).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("events", "ping_id");
    }

    @Test
    void topicsAreThoseOfTheSpecsEventsAndTheLedgersPayment() {
        assertThat(extension.topics()).containsExactlyInAnyOrder(PanelTopics.ORDER_FINALIZED, PanelTopics.ORDER_UPDATED,
                PanelTopics.USER_CREATED, PanelTopics.USER_UPDATED, PanelTopics.INVOICE_FINALIZED,
                PanelTopics.INVOICE_UPDATED, PanelTopics.INVOICE_PAID, PanelTopics.INVOICE_PAYMENT,
                PanelTopics.TICKET_CREATED, PanelTopics.TICKET_UPDATED, PanelTopics.TICKET_MESSAGE_CREATED,
                PanelTopics.SERVICE_CREATED, PanelTopics.SERVICE_UPDATED);
        assertThat(PanelTopics.ALL).containsAll(extension.topics());
    }

    @Test
    void executePostsTheEventsEmbedToTheWebhook() {
        String note = extension.execute(TestInstances.notifyingAll(discord.url(webhook)),
                new PanelEvent(PanelTopics.USER_CREATED, SamplePayloads.userCreated(), null));

        assertThat(note).isEqualTo("posted 'User Created' to Discord (204)");
        JsonNode embed = discord.messages(webhook).get(0).path("embeds").get(0);
        assertThat(embed.path("title").asText()).isEqualTo("User Created");
        assertThat(embed.path("fields").get(2).path("value").asText()).isEqualTo("jane@example.com");
    }

    @Test
    void anEventTheInstanceDidNotSelectIsSkippedWithANote() {
        InstanceConfig onlyPaid = TestInstances.config(discord.url(webhook),
                Map.of("events", List.of(PanelTopics.INVOICE_PAID)));

        String note = extension.execute(onlyPaid, new PanelEvent(PanelTopics.USER_CREATED, SamplePayloads.userCreated(), null));

        assertThat(note).isEqualTo("skipped: instance 'alerts' does not notify 'User Created'");
        assertThat(discord.requests()).isEmpty();
    }

    @Test
    void aTopicWithoutAMessageIsSkippedWithANote() {
        String note = extension.execute(TestInstances.notifyingAll(discord.url(webhook)),
                new PanelEvent(PanelTopics.AUTH_LOGIN, Map.of(), null));

        assertThat(note).startsWith("skipped:");
        assertThat(discord.requests()).isEmpty();
    }

    @Test
    void everyEventsEmbedIsOneDiscordAccepts() {
        Map<String, Map<String, Object>> samples = Map.of(PanelTopics.USER_CREATED, SamplePayloads.userCreated(),
                PanelTopics.ORDER_FINALIZED, SamplePayloads.orderFinalized(),
                PanelTopics.INVOICE_FINALIZED, SamplePayloads.invoiceFinalized(),
                PanelTopics.INVOICE_PAID, SamplePayloads.invoicePaid(),
                PanelTopics.INVOICE_PAYMENT, SamplePayloads.paymentRecorded(),
                PanelTopics.TICKET_CREATED, SamplePayloads.ticketCreated(),
                PanelTopics.TICKET_MESSAGE_CREATED, SamplePayloads.ticketReplied("z".repeat(3000)),
                PanelTopics.SERVICE_CREATED, SamplePayloads.serviceCreated(),
                PanelTopics.USER_UPDATED, SamplePayloads.userUpdated(),
                PanelTopics.SERVICE_UPDATED, SamplePayloads.serviceUpdated());
        InstanceConfig config = TestInstances.config(discord.url(webhook),
                Map.of("username", "Billing", "avatar_url", "https://cdn.example.com/a.png", "ping_type", "role",
                        "ping_id", "222"));

        samples.forEach((topic, data) -> extension.execute(config, new PanelEvent(topic, data, null)));

        assertThat(discord.requests()).hasSize(samples.size()).allMatch(r -> r.status() == 204);
    }

    @Test
    void anInvoiceWithFortyItemsIsStillPosted() {
        List<Map<String, Object>> items = IntStream.range(0, 40).mapToObj(i -> Map.<String, Object>of(
                "description", "Item " + i + " " + "d".repeat(200), "quantity", 1, "price", "1")).toList();

        extension.execute(TestInstances.notifyingAll(discord.url(webhook)),
                new PanelEvent(PanelTopics.INVOICE_FINALIZED, Map.of("invoice", Map.of("id", 1, "items", items)), null));

        assertThat(discord.requests()).extracting(r -> r.status()).containsExactly(204);
    }

    @Test
    void aRefusalNamesDiscordsAnswerButNeverTheUrlOrToken() {
        String wrongToken = discord.baseUrl() + "/api/webhooks/" + webhook.id() + "/Wr0ng-T0ken";

        assertThatThrownBy(() -> extension.execute(TestInstances.notifyingAll(wrongToken),
                new PanelEvent(PanelTopics.INVOICE_PAID, SamplePayloads.invoicePaid(), null)))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("401 Invalid Webhook Token")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Wr0ng-T0ken", wrongToken, webhook.token()));
    }

    @Test
    void aMalformedWebhookUrlIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> extension.execute(TestInstances.notifyingAll("https://discord.com/oops/s3cr3t"),
                new PanelEvent(PanelTopics.INVOICE_PAID, SamplePayloads.invoicePaid(), null)))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("not a Discord webhook URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void withTlsVerificationOffPlainHttpStillPosts() {
        InstanceConfig config = TestInstances.config(discord.url(webhook), Map.of("verify_tls", false));

        extension.execute(config, new PanelEvent(PanelTopics.INVOICE_PAID, SamplePayloads.invoicePaid(), null));

        assertThat(discord.messages(webhook)).hasSize(1);
    }
}
