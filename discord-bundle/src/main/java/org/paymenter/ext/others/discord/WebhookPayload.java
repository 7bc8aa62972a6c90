package org.paymenter.ext.others.discord;

import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link WebhookMessage} in Discord's JSON (snake_case names; the optional parts left out when unset). */
final class WebhookPayload {

    private final ObjectMapper json;

    WebhookPayload(ObjectMapper json) {
        this.json = json;
    }

    byte[] bytes(WebhookMessage message) {
        try {
            return json.writeValueAsBytes(tree(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook message could not be written as JSON", e);
        }
    }

    ObjectNode tree(WebhookMessage message) {
        ObjectNode body = json.createObjectNode().put("content", message.content());
        if (!message.username().isEmpty()) {
            body.put("username", message.username());
        }
        if (!message.avatarUrl().isEmpty()) {
            body.put("avatar_url", message.avatarUrl());
        }
        ArrayNode embeds = body.putArray("embeds");
        for (Embed embed : message.embeds()) {
            ObjectNode node = embeds.addObject().put("title", embed.title()).put("description", embed.description());
            ArrayNode fields = node.putArray("fields");
            embed.fields().forEach(f -> fields.addObject().put("name", f.name()).put("value", f.value())
                    .put("inline", f.inline()));
            node.put("color", embed.color());
            node.putObject("footer").put("text", embed.footer());
            node.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(embed.timestamp()));
        }
        return body;
    }
}
