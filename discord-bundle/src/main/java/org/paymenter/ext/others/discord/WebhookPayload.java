package org.paymenter.ext.others.discord;

import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link WebhookMessage} in Discord's JSON (snake_case names; the optional parts left out when unset). */
final class WebhookPayload {

    /** {@code <@123>} (a user) or {@code <@&123>} (a role): the configured ping, all the content ever holds. */
    private static final Pattern MENTION = Pattern.compile("<@(&?)([0-9]+)>");

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
        allowedMentions(body.putObject("allowed_mentions"), message.content());
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

    /**
     * Only the configured ping may notify anyone: without {@code allowed_mentions} Discord resolves every
     * mention in the content, {@code @everyone} included.
     */
    private static void allowedMentions(ObjectNode allowed, String content) {
        allowed.putArray("parse");
        Matcher mention = MENTION.matcher(content);
        while (mention.find()) {
            String list = mention.group(1).isEmpty() ? "users" : "roles";
            (allowed.has(list) ? (ArrayNode) allowed.get(list) : allowed.putArray(list)).add(mention.group(2));
        }
    }
}
