package org.paymenter.ext.others.discord;

import java.util.Set;

import org.paymenter.ext.api.InstanceConfig;

/**
 * One instance's config, read once per event.
 *
 * @param instanceName the admin's name for the instance, for messages (never the URL)
 * @param webhook      where to post
 * @param username     the name to post under, or "" for the webhook's own
 * @param avatarUrl    the avatar to post with, or "" for the webhook's own
 * @param ping         whom to mention
 * @param pingId       the user or role id to mention
 * @param topics       the topics of the events this instance posts
 * @param panelUrl     the panel's base address for admin links, or ""
 * @param verifyTls    whether the webhook host's certificate is checked
 */
record DiscordSettings(String instanceName, WebhookUrl webhook, String username, String avatarUrl, PingType ping,
        String pingId, Set<String> topics, String panelUrl, boolean verifyTls) {

    static DiscordSettings from(InstanceConfig config) {
        return new DiscordSettings(config.name(),
                WebhookUrl.parse(config.requireString(DiscordConfig.WEBHOOK_URL), config.name()),
                config.string(DiscordConfig.USERNAME, "").trim(),
                config.string(DiscordConfig.AVATAR_URL, "").trim(),
                PingType.fromId(config.string(DiscordConfig.PING_TYPE, PingType.NONE.id())),
                config.string(DiscordConfig.PING_ID, "").trim(),
                Set.copyOf(config.list(DiscordConfig.EVENTS)),
                config.string(DiscordConfig.PANEL_URL, "").trim(),
                config.bool(DiscordConfig.VERIFY_TLS, true));
    }

    boolean notifies(NotifiedEvent event) {
        return topics.contains(event.topic());
    }

    /** The message content: the configured mention, or Paymenter's single space when there is none. */
    String content() {
        String mention = ping.mention(pingId);
        return mention.isEmpty() ? " " : mention;
    }
}
