package org.paymenter.ext.others.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of the embed for each "created"-like event, in the layouts of spec §2.14. Values the panel
 * did not send show as "-" rather than failing the notification.
 */
final class EventFields {

    /** Spec §2.14: a reply longer than this is cut to {@link #MESSAGE_KEEP} characters plus "...". */
    static final int MESSAGE_LIMIT = 1024;
    static final int MESSAGE_KEEP = 1021;
    static final String ELLIPSIS = "...";
    static final String MISSING = "-";

    private final AdminLinks links;

    EventFields(AdminLinks links) {
        this.links = links;
    }

    List<EmbedField> of(NotifiedEvent event, EventModel model) {
        return switch (event) {
            case USER_CREATED -> userCreated(model);
            case ORDER_CREATED -> orderCreated(model);
            case INVOICE_CREATED -> invoiceCreated(model);
            case INVOICE_PAID -> List.of(field("Id", links.model(AdminLinks.Kind.INVOICE, id(model))));
            case PAYMENT_RECEIVED -> paymentReceived(model);
            case TICKET_CREATED -> List.of(field("Id", links.model(AdminLinks.Kind.TICKET, id(model))),
                    field("User id", links.user(user(model))));
            case TICKET_REPLIED -> ticketReplied(model);
            case SERVICE_CREATED -> serviceCreated(model);
            case ORDER_UPDATED, USER_UPDATED, INVOICE_UPDATED, TICKET_UPDATED, SERVICE_UPDATED ->
                throw new IllegalArgumentException(event + " is an update; see ChangedFields");
        };
    }

    /**
     * ID, Name, Email, then the user's properties. Paymenter names property fields by their list index and
     * shows each property record as JSON (spec quirk); here a property shows as its name and its value.
     */
    private List<EmbedField> userCreated(EventModel user) {
        List<EmbedField> fields = new ArrayList<>();
        fields.add(field("ID", user.text("id", MISSING)));
        fields.add(field("Name", AdminLinks.name(user)));
        fields.add(field("Email", user.text("email", MISSING)));
        for (EventModel property : user.models("properties")) {
            fields.add(field(property.text("name").or(() -> property.text("key")).orElse(MISSING),
                    property.text("value", MISSING)));
        }
        return fields;
    }

    /** ID, User, Total, then one field per service: its product's name → the service link and its price. */
    private List<EmbedField> orderCreated(EventModel order) {
        String currency = Money.currency(order).orElse("");
        List<EmbedField> fields = new ArrayList<>(List.of(
                field("ID", links.model(AdminLinks.Kind.ORDER, id(order))),
                field("User", links.user(user(order))),
                field("Total", Money.format(order, "total", currency))));
        for (EventModel service : order.models("services")) {
            fields.add(field(productName(service),
                    links.model(AdminLinks.Kind.SERVICE, id(service)) + " (" + Money.format(service, "price", currency) + ")"));
        }
        return fields;
    }

    /** ID, User, Total, then one field per item: its description → "{quantity} x {price}". */
    private List<EmbedField> invoiceCreated(EventModel invoice) {
        String currency = Money.currency(invoice).orElse("");
        List<EmbedField> fields = new ArrayList<>(List.of(
                field("ID", links.model(AdminLinks.Kind.INVOICE, id(invoice))),
                field("User", links.user(user(invoice))),
                field("Total", Money.format(invoice, "total", currency))));
        for (EventModel item : invoice.models("items")) {
            fields.add(field(item.text("description", MISSING),
                    item.text("quantity", "1") + " x " + Money.format(item, "price", currency)));
        }
        return fields;
    }

    /** Not in Paymenter: the ledger's payment (invoice, amount, gateway, transaction, status). */
    private List<EmbedField> paymentReceived(EventModel payment) {
        List<EmbedField> fields = new ArrayList<>(List.of(
                field("Invoice", links.model(AdminLinks.Kind.INVOICE, payment.text("invoice_id").orElse(null))),
                field("Amount", Money.format(payment, "amount", ""))));
        payment.text("gateway").ifPresent(g -> fields.add(field("Gateway", g)));
        payment.text("transaction_id").ifPresent(t -> fields.add(field("Transaction", t)));
        payment.text("status").ifPresent(s -> fields.add(field("Status", s)));
        return fields;
    }

    private List<EmbedField> ticketReplied(EventModel message) {
        String ticketId = message.text("ticket_id").orElseGet(() -> message.model("ticket").text("id").orElse(null));
        return List.of(field("Ticket id", links.model(AdminLinks.Kind.TICKET, ticketId)),
                field("Message", truncate(message.text("message", MISSING))));
    }

    private List<EmbedField> serviceCreated(EventModel service) {
        return List.of(field("ID", links.model(AdminLinks.Kind.SERVICE, id(service))),
                field("User", links.user(user(service))),
                field("Product", productName(service)),
                field("Price", Money.format(service, "price", "")));
    }

    /** The model's user: the nested {@code user}, else just its {@code user_id}. */
    private static EventModel user(EventModel model) {
        EventModel user = model.model("user");
        if (!user.values().isEmpty()) {
            return user;
        }
        return model.text("user_id").map(id -> new EventModel(Map.of("id", id))).orElse(EventModel.EMPTY);
    }

    private static String productName(EventModel service) {
        return service.model("product").text("name").or(() -> service.text("product_name")).orElse("Service");
    }

    private static String id(EventModel model) {
        return model.text("id").orElse(null);
    }

    static String truncate(String text) {
        return text.length() > MESSAGE_LIMIT ? EmbedLimits.prefix(text, MESSAGE_KEEP) + ELLIPSIS : text;
    }

    private static EmbedField field(String name, String value) {
        return EmbedField.inline(name, value);
    }
}
