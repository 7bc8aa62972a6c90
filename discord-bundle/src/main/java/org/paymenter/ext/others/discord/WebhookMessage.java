package org.paymenter.ext.others.discord;

import java.util.List;

/**
 * The body of Discord's Execute Webhook.
 *
 * @param content   the text above the embeds (a mention, or a single space)
 * @param username  the name to post under, or "" for the webhook's own
 * @param avatarUrl the avatar to post with, or "" for the webhook's own
 * @param embeds    the embeds (this extension sends one)
 */
record WebhookMessage(String content, String username, String avatarUrl, List<Embed> embeds) {

    WebhookMessage {
        embeds = List.copyOf(embeds);
    }
}
