package org.paymenter.ext.others.discord;

import java.util.List;

import org.paymenter.ext.api.other.PanelEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The message for one event (spec §2.14): the configured mention as content, and one green embed titled
 * with the event's label, "A new event has occurred: {label}", the event's fields, Paymenter's footer and
 * the time the event happened (not the time of a retry).
 */
final class MessageBuilder {

    static final int COLOR = 0x00FF00;
    static final String FOOTER = "Paymenter Notifications";
    static final String DESCRIPTION_PREFIX = "A new event has occurred: ";

    private final ObjectMapper json;

    MessageBuilder(ObjectMapper json) {
        this.json = json;
    }

    WebhookMessage build(DiscordSettings settings, NotifiedEvent event, PanelEvent panelEvent) {
        AdminLinks links = new AdminLinks(settings.panelUrl());
        EventModel model = EventModel.in(panelEvent.data(), event.modelKey());
        List<EmbedField> fields = event.isUpdate()
                ? new ChangedFields(links, json).of(event, model, ChangedFields.original(panelEvent.data()))
                : new EventFields(links).of(event, model);
        Embed embed = EmbedLimits.fit(new Embed(event.label(), DESCRIPTION_PREFIX + event.label(), fields, COLOR,
                FOOTER, panelEvent.occurredAt()));
        return new WebhookMessage(settings.content(), settings.username(), settings.avatarUrl(), List.of(embed));
    }
}
