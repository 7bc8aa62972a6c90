package org.paymenter.ext.testkit.fakes.discord;

/**
 * A webhook the fake knows, as Discord creates one in a channel's settings.
 *
 * @param id        its snowflake id
 * @param token     the secret half of its URL
 * @param name      the name messages are posted under unless a request overrides it
 * @param channelId the channel it posts to
 * @param guildId   the server the channel is in
 */
public record Webhook(String id, String token, String name, String channelId, String guildId) {

    /** Hides the token, as the extension must. */
    @Override
    public String toString() {
        return "Webhook[id=" + id + ", name=" + name + ", token=***]";
    }
}
