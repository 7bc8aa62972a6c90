package org.paymenter.ext.others.discord;

import java.util.Arrays;
import java.util.Optional;

import org.paymenter.ext.api.other.PanelTopics;

/**
 * The events Discord notifications posts, with the labels of spec §2.14 (used as the embed's title) and the
 * panel topic each listens on. As in Paymenter, "Order Created" and "Invoice Created" listen on the
 * <em>finalized</em> events: only then are an order's services and an invoice's items attached.
 * "Payment Received" is this runtime's own ledger event and has no Paymenter counterpart.
 */
enum NotifiedEvent {
    ORDER_CREATED("Order Created", PanelTopics.ORDER_FINALIZED, "order", AdminLinks.Kind.ORDER),
    ORDER_UPDATED("Order Updated", PanelTopics.ORDER_UPDATED, "order", AdminLinks.Kind.ORDER),
    USER_CREATED("User Created", PanelTopics.USER_CREATED, "user", AdminLinks.Kind.USER),
    USER_UPDATED("User Updated", PanelTopics.USER_UPDATED, "user", AdminLinks.Kind.USER),
    INVOICE_CREATED("Invoice Created", PanelTopics.INVOICE_FINALIZED, "invoice", AdminLinks.Kind.INVOICE),
    INVOICE_UPDATED("Invoice Updated", PanelTopics.INVOICE_UPDATED, "invoice", AdminLinks.Kind.INVOICE),
    INVOICE_PAID("Invoice Paid", PanelTopics.INVOICE_PAID, "invoice", AdminLinks.Kind.INVOICE),
    PAYMENT_RECEIVED("Payment Received", PanelTopics.INVOICE_PAYMENT, "payment", AdminLinks.Kind.INVOICE),
    TICKET_CREATED("Ticket Created", PanelTopics.TICKET_CREATED, "ticket", AdminLinks.Kind.TICKET),
    TICKET_UPDATED("Ticket Updated", PanelTopics.TICKET_UPDATED, "ticket", AdminLinks.Kind.TICKET),
    TICKET_REPLIED("Ticket Replied", PanelTopics.TICKET_MESSAGE_CREATED, "ticket_message", AdminLinks.Kind.TICKET),
    SERVICE_CREATED("Service Created", PanelTopics.SERVICE_CREATED, "service", AdminLinks.Kind.SERVICE),
    SERVICE_UPDATED("Service Updated", PanelTopics.SERVICE_UPDATED, "service", AdminLinks.Kind.SERVICE);

    private final String label;
    private final String topic;
    private final String modelKey;
    private final AdminLinks.Kind kind;

    NotifiedEvent(String label, String topic, String modelKey, AdminLinks.Kind kind) {
        this.label = label;
        this.topic = topic;
        this.modelKey = modelKey;
        this.kind = kind;
    }

    /** The spec's label: the embed title and what the admin picks in the form. */
    String label() {
        return label;
    }

    String topic() {
        return topic;
    }

    /** Where the panel puts the event's model in the data ({@code {"user": {...}}}). */
    String modelKey() {
        return modelKey;
    }

    /** The admin page the model's id links to. */
    AdminLinks.Kind kind() {
        return kind;
    }

    /** An "Updated" event, whose fields are the changed attributes. */
    boolean isUpdate() {
        return label.endsWith(" Updated");
    }

    static Optional<NotifiedEvent> forTopic(String topic) {
        return Arrays.stream(values()).filter(e -> e.topic.equals(topic)).findFirst();
    }
}
