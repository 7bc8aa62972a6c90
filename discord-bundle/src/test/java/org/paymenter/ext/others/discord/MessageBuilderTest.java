package org.paymenter.ext.others.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.other.PanelEvent;
import org.paymenter.ext.api.other.PanelTopics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The embed of every event, in the layouts of spec §2.14. */
class MessageBuilderTest {

    private static final String WEBHOOK = "https://discord.com/api/webhooks/123456789012345678/tok-en_1";
    private static final Instant OCCURRED = Instant.parse("2026-12-03T17:00:00.123Z");

    private final MessageBuilder builder = new MessageBuilder(new ObjectMapper());

    private Embed embed(NotifiedEvent event, Map<String, Object> data) {
        return message(TestInstances.notifyingAll(WEBHOOK), event, data).embeds().get(0);
    }

    private WebhookMessage message(InstanceConfig config, NotifiedEvent event, Map<String, Object> data) {
        return builder.build(DiscordSettings.from(config), event, new PanelEvent(event.topic(), data, OCCURRED));
    }

    private static List<String> fieldTexts(Embed embed) {
        return embed.fields().stream().map(f -> f.name() + ": " + f.value()).toList();
    }

    @Test
    void everyEmbedHasTheLabelAsTitleTheSpecDescriptionGreenFooterAndTheEventTime() {
        Embed embed = embed(NotifiedEvent.INVOICE_PAID, SamplePayloads.invoicePaid());

        assertThat(embed.title()).isEqualTo("Invoice Paid");
        assertThat(embed.description()).isEqualTo("A new event has occurred: Invoice Paid");
        assertThat(embed.color()).isEqualTo(65280);
        assertThat(embed.footer()).isEqualTo("Paymenter Notifications");
        assertThat(embed.timestamp()).isEqualTo(OCCURRED);
        assertThat(embed.fields()).allMatch(EmbedField::inline);
    }

    @Test
    void userCreatedShowsIdNameEmailAndEachPropertyByItsName() {
        assertThat(fieldTexts(embed(NotifiedEvent.USER_CREATED, SamplePayloads.userCreated()))).containsExactly(
                "ID: 7", "Name: Jane Doe", "Email: jane@example.com", "Company: Acme", "phone: +31 20 123 4567");
    }

    @Test
    void orderCreatedLinksOrderAndUserAndListsEachServiceWithItsPrice() {
        assertThat(fieldTexts(embed(NotifiedEvent.ORDER_CREATED, SamplePayloads.orderFinalized()))).containsExactly(
                "ID: [Order #12](https://panel.example.com/admin/orders/12/edit)",
                "User: [User Jane Doe](https://panel.example.com/admin/users/7/edit)",
                "Total: 24.50 EUR",
                "VPS S: [Service #31](https://panel.example.com/admin/services/31/edit) (19.99 EUR)",
                "Backup: [Service #32](https://panel.example.com/admin/services/32/edit) (4.51 EUR)");
    }

    @Test
    void invoiceCreatedListsEachItemAsQuantityTimesPricePreferringThePanelsFormatting() {
        assertThat(fieldTexts(embed(NotifiedEvent.INVOICE_CREATED, SamplePayloads.invoiceFinalized()))).containsExactly(
                "ID: [Invoice #40](https://panel.example.com/admin/invoices/40/edit)",
                "User: [User Jane Doe](https://panel.example.com/admin/users/7/edit)",
                "Total: $25.00",
                "VPS S (monthly): 2 x 10.00 USD",
                "Setup fee: 1 x $5.00");
    }

    @Test
    void invoicePaidShowsOnlyTheInvoiceLinkUnderId() {
        assertThat(fieldTexts(embed(NotifiedEvent.INVOICE_PAID, SamplePayloads.invoicePaid())))
                .containsExactly("Id: [Invoice #40](https://panel.example.com/admin/invoices/40/edit)");
    }

    @Test
    void paymentReceivedShowsInvoiceAmountGatewayTransactionAndStatus() {
        assertThat(fieldTexts(embed(NotifiedEvent.PAYMENT_RECEIVED, SamplePayloads.paymentRecorded()))).containsExactly(
                "Invoice: [Invoice #40](https://panel.example.com/admin/invoices/40/edit)", "Amount: 25.00 USD",
                "Gateway: stripe", "Transaction: pi_123", "Status: succeeded");
    }

    @Test
    void ticketCreatedLinksTheTicketAndItsUser() {
        assertThat(fieldTexts(embed(NotifiedEvent.TICKET_CREATED, SamplePayloads.ticketCreated()))).containsExactly(
                "Id: [Ticket #5](https://panel.example.com/admin/tickets/5/edit)",
                "User id: [User Jane Doe](https://panel.example.com/admin/users/7/edit)");
    }

    @Test
    void ticketReplyShowsTheMessageWhole() {
        assertThat(fieldTexts(embed(NotifiedEvent.TICKET_REPLIED, SamplePayloads.ticketReplied("It is back up."))))
                .containsExactly("Ticket id: [Ticket #5](https://panel.example.com/admin/tickets/5/edit)",
                        "Message: It is back up.");
    }

    @Test
    void ticketReplyLongerThan1024CharactersIsCutTo1021PlusEllipsis() {
        String reply = "x".repeat(1025);

        EmbedField message = embed(NotifiedEvent.TICKET_REPLIED, SamplePayloads.ticketReplied(reply)).fields().get(1);

        assertThat(message.value()).hasSize(1024).isEqualTo("x".repeat(1021) + "...");
    }

    @Test
    void ticketReplyOfExactly1024CharactersIsKept() {
        String reply = "y".repeat(1024);

        assertThat(embed(NotifiedEvent.TICKET_REPLIED, SamplePayloads.ticketReplied(reply)).fields().get(1).value())
                .isEqualTo(reply);
    }

    @Test
    void serviceCreatedShowsServiceUserProductAndPrice() {
        assertThat(fieldTexts(embed(NotifiedEvent.SERVICE_CREATED, SamplePayloads.serviceCreated()))).containsExactly(
                "ID: [Service #31](https://panel.example.com/admin/services/31/edit)",
                "User: [User Jane Doe](https://panel.example.com/admin/users/7/edit)",
                "Product: VPS S", "Price: 19.99 EUR");
    }

    @Test
    void userUpdatedShowsTheUsersNameThenEachChangeWithoutTimestampsAndThePasswordAsStars() {
        assertThat(fieldTexts(embed(NotifiedEvent.USER_UPDATED, SamplePayloads.userUpdated()))).containsExactly(
                "ID: Jane Doe", "Email: jane@example.com -> jane.doe@example.com", "Password: ********");
    }

    @Test
    void otherUpdatesLinkTheModelAndShowNonTextNewValuesAsJson() {
        assertThat(fieldTexts(embed(NotifiedEvent.SERVICE_UPDATED, SamplePayloads.serviceUpdated()))).containsExactly(
                "ID: [Service #31](https://panel.example.com/admin/services/31/edit)",
                "Status: active -> suspended", "Price: 19.99 -> 24.99");
    }

    @Test
    void oldValuesReadAsPhpWritesThemAndOnlyNewOnesAsJson() {
        Map<String, Object> order = new java.util.HashMap<>(Map.of("id", 12, "paid", true, "coupon_id", 5));
        order.put("note", null);
        Map<String, Object> old = new java.util.HashMap<>(Map.of("paid", false, "note", "call first"));
        old.put("coupon_id", null);
        Map<String, Object> data = Map.of("order", order, "original", old);

        assertThat(fieldTexts(embed(NotifiedEvent.ORDER_UPDATED, data))).contains("Paid:  -> true",
                "Coupon id:  -> 5", "Note: call first -> null");
    }

    @Test
    void anUpdateWithoutOldValuesShowsOnlyTheId() {
        assertThat(fieldTexts(embed(NotifiedEvent.ORDER_UPDATED, Map.of("order", Map.of("id", 12, "status", "paid")))))
                .containsExactly("ID: [Order #12](https://panel.example.com/admin/orders/12/edit)");
    }

    @Test
    void withoutAPanelUrlModelsArePlainText() {
        InstanceConfig config = TestInstances.config(WEBHOOK, Map.of(DiscordConfig.PANEL_URL, ""));

        Embed embed = message(config, NotifiedEvent.TICKET_CREATED, SamplePayloads.ticketCreated()).embeds().get(0);

        assertThat(fieldTexts(embed)).containsExactly("Id: Ticket #5", "User id: User Jane Doe");
    }

    @Test
    void camelCaseDataReadsLikePaymentersSnakeCase() {
        Map<String, Object> user = new LinkedHashMap<>(Map.of("id", 7, "firstName", "Jane", "lastName", "Doe",
                "email", "jane@example.com"));

        assertThat(fieldTexts(embed(NotifiedEvent.USER_CREATED, Map.of("user", user))))
                .containsExactly("ID: 7", "Name: Jane Doe", "Email: jane@example.com");
    }

    @Test
    void dataWithoutTheModelKeyIsTheModelItself() {
        assertThat(fieldTexts(embed(NotifiedEvent.INVOICE_PAID, Map.of("id", 41))))
                .containsExactly("Id: [Invoice #41](https://panel.example.com/admin/invoices/41/edit)");
    }

    @Test
    void missingValuesShowAsDashRatherThanFailing() {
        assertThat(fieldTexts(embed(NotifiedEvent.SERVICE_CREATED, Map.of("service", Map.of("id", 3)))))
                .containsExactly("ID: [Service #3](https://panel.example.com/admin/services/3/edit)",
                        "User: User #unknown", "Product: Service", "Price: -");
    }

    @Test
    void bracketsInANameDoNotBreakTheLink() {
        Map<String, Object> user = new LinkedHashMap<>(SamplePayloads.user());
        user.put("first_name", "[Admin](https://evil.example)");

        EmbedField field = embed(NotifiedEvent.TICKET_CREATED, Map.of("ticket", Map.of("id", 5, "user", user)))
                .fields().get(1);

        assertThat(field.value()).startsWith("[User \\[Admin\\](https://evil.example) Doe](https://panel.example.com/");
    }

    @Test
    void contentIsASingleSpaceWithoutAPing() {
        assertThat(message(TestInstances.notifyingAll(WEBHOOK), NotifiedEvent.INVOICE_PAID, SamplePayloads.invoicePaid())
                .content()).isEqualTo(" ");
    }

    @Test
    void contentMentionsTheConfiguredUserOrRole() {
        InstanceConfig user = TestInstances.config(WEBHOOK, Map.of("ping_type", "user", "ping_id", "111"));
        InstanceConfig role = TestInstances.config(WEBHOOK, Map.of("ping_type", "role", "ping_id", "222"));
        InstanceConfig roleWithoutId = TestInstances.config(WEBHOOK, Map.of("ping_type", "role"));

        assertThat(List.of(user, role, roleWithoutId)).extracting(
                c -> message(c, NotifiedEvent.INVOICE_PAID, SamplePayloads.invoicePaid()).content())
                .containsExactly("<@111>", "<@&222>", " ");
    }

    @Test
    void usernameAndAvatarComeFromTheInstance() {
        InstanceConfig config = TestInstances.config(WEBHOOK,
                Map.of("username", "Billing", "avatar_url", "https://cdn.example.com/a.png"));

        assertThat(message(config, NotifiedEvent.INVOICE_PAID, SamplePayloads.invoicePaid()))
                .extracting(WebhookMessage::username, WebhookMessage::avatarUrl)
                .containsExactly("Billing", "https://cdn.example.com/a.png");
    }

    @Test
    void anInvoiceWithMoreItemsThanDiscordAllowsFieldsEndsWithASummary() {
        List<Map<String, Object>> items = IntStream.range(0, 40)
                .mapToObj(i -> Map.<String, Object>of("description", "Item " + i, "quantity", 1, "price", "1")).toList();

        Embed embed = embed(NotifiedEvent.INVOICE_CREATED, Map.of("invoice", Map.of("id", 1, "items", items)));

        assertThat(embed.fields()).hasSize(25);
        assertThat(embed.fields().get(24)).extracting(EmbedField::name, EmbedField::value)
                .containsExactly("More", "19 more not shown");
    }

    @Test
    void fieldsAreCutSoTheWholeEmbedStaysWithinDiscordsSixThousandCharacters() {
        List<Map<String, Object>> items = IntStream.range(0, 20).mapToObj(i -> Map.<String, Object>of(
                "description", "d".repeat(250), "quantity", 1, "formatted_price", "p".repeat(500))).toList();

        Embed embed = embed(NotifiedEvent.INVOICE_CREATED, Map.of("invoice", Map.of("id", 1, "items", items)));

        int size = embed.title().length() + embed.description().length() + embed.footer().length()
                + embed.fields().stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
        assertThat(size).isLessThanOrEqualTo(6000).isGreaterThan(5000);
        assertThat(embed.fields().get(embed.fields().size() - 1).name()).isEqualTo("More");
    }

    @Test
    void payloadIsDiscordsJson() {
        InstanceConfig config = TestInstances.config(WEBHOOK, Map.of("username", "Billing"));
        WebhookMessage message = message(config, NotifiedEvent.INVOICE_PAID, SamplePayloads.invoicePaid());

        var json = new WebhookPayload(new ObjectMapper()).tree(message);

        assertThat(json.path("content").asText()).isEqualTo(" ");
        assertThat(json.path("username").asText()).isEqualTo("Billing");
        assertThat(json.has("avatar_url")).isFalse();
        var embed = json.path("embeds").get(0);
        assertThat(embed.path("color").asInt()).isEqualTo(65280);
        assertThat(embed.path("footer").path("text").asText()).isEqualTo("Paymenter Notifications");
        assertThat(embed.path("timestamp").asText()).isEqualTo("2026-12-03T17:00:00.123Z");
        assertThat(embed.path("fields")).extracting(f -> f.path("name").asText(), f -> f.path("inline").asBoolean())
                .containsExactly(tuple("Id", true));
    }

    @Test
    void onlyTheConfiguredPingMayNotifyAnyone() {
        InstanceConfig role = TestInstances.config(WEBHOOK, Map.of("ping_type", "role", "ping_id", "222"));
        var payload = new WebhookPayload(new ObjectMapper());

        var none = payload.tree(message(TestInstances.notifyingAll(WEBHOOK), NotifiedEvent.INVOICE_PAID,
                SamplePayloads.invoicePaid())).path("allowed_mentions");
        var pinged = payload.tree(message(role, NotifiedEvent.INVOICE_PAID, SamplePayloads.invoicePaid()))
                .path("allowed_mentions");

        assertThat(none.path("parse").isArray()).isTrue();
        assertThat(none.path("parse")).isEmpty();
        assertThat(none.has("users") || none.has("roles")).isFalse();
        assertThat(pinged.path("parse")).isEmpty();
        assertThat(pinged.path("roles")).extracting(JsonNode::asText).containsExactly("222");
    }

    @Test
    void textIsNeverCutInsideAnEmoji() {
        String text = "a".repeat(1020) + "\uD83D\uDE00".repeat(3); // each emoji is a surrogate pair

        String cut = EmbedLimits.cut(text, 1024);

        assertThat(cut).isEqualTo("a".repeat(1020) + EventFields.ELLIPSIS);
        assertThat(EventFields.truncate("b".repeat(1020) + "\uD83D\uDE00".repeat(5)))
                .isEqualTo("b".repeat(1020) + EventFields.ELLIPSIS);
    }

    @Test
    void orderCreatedListensOnTheFinalizedTopicAsInPaymenter() {
        assertThat(NotifiedEvent.forTopic(PanelTopics.ORDER_FINALIZED)).contains(NotifiedEvent.ORDER_CREATED);
        assertThat(NotifiedEvent.forTopic(PanelTopics.INVOICE_FINALIZED)).contains(NotifiedEvent.INVOICE_CREATED);
        assertThat(NotifiedEvent.forTopic(PanelTopics.ORDER_CREATED)).isEmpty();
    }
}
