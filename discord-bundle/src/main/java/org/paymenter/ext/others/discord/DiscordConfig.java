package org.paymenter.ext.others.discord;

import java.util.Arrays;
import java.util.List;

import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.FieldOption;

/** The instance form (spec §2.14's four fields, plus the webhook's look, admin links and TLS). */
final class DiscordConfig {

    static final String WEBHOOK_URL = "webhook_url";
    static final String USERNAME = "username";
    static final String AVATAR_URL = "avatar_url";
    static final String PING_TYPE = "ping_type";
    static final String PING_ID = "ping_id";
    static final String EVENTS = "events";
    static final String PANEL_URL = "panel_url";
    static final String VERIFY_TLS = "verify_tls";

    /** {@code .../api[/v10]/webhooks/{id}/{token}}, any host, so a proxy or a test fake can stand in. */
    /** https, or plain http to this machine only (a local test server): the URL carries the webhook's token. */
    static final String WEBHOOK_URL_PATTERN = "regex:(https://[^/?#]+|http://(localhost|127\\.[0-9.]+|\\[::1\\])(:[0-9]+)?)"
            + "(/[^?#]*)?/webhooks/[0-9]+/[A-Za-z0-9_.-]+/?(\\?.*)?";

    private DiscordConfig() {
    }

    static List<ConfigField> schema() {
        return List.of(
                // Secret: the URL embeds the webhook's token, which is all it takes to post as the webhook.
                ConfigField.password(WEBHOOK_URL).label("Webhook URL").required()
                        .description("Channel settings → Integrations → Webhooks → Copy Webhook URL")
                        .rule("url").rule(WEBHOOK_URL_PATTERN).build(),
                ConfigField.text(USERNAME).label("Username")
                        .description("Posts under this name instead of the webhook's own (1 to 80 characters; "
                                + "Discord refuses names containing 'discord' or 'clyde', and 'everyone' or 'here')")
                        .rule("regex:(?i)(?!.*(discord|clyde))(?!(everyone|here)$).{1,80}").build(),
                ConfigField.url(AVATAR_URL).label("Avatar URL")
                        .description("Image shown instead of the webhook's own avatar").build(),
                ConfigField.select(PING_TYPE, Arrays.stream(PingType.values())
                        .map(p -> new FieldOption(p.id(), p.label())).toArray(FieldOption[]::new))
                        .label("Ping type").defaultValue(PingType.NONE.id())
                        .description("Mention a user or a role with every notification").build(),
                ConfigField.text(PING_ID).label("Ping ID")
                        .description("The id of the user or role to mention (Developer Mode → Copy ID)")
                        .rule("regex:[0-9]{1,20}").build(),
                ConfigField.select(EVENTS, Arrays.stream(NotifiedEvent.values())
                        .map(e -> new FieldOption(e.topic(), e.label())).toArray(FieldOption[]::new))
                        .multiple().required().label("Events")
                        .description("The panel events to post to the channel").build(),
                ConfigField.url(PANEL_URL).label("Panel URL")
                        .description("Base address of the panel for admin links ({panel}/admin/orders/12/edit); "
                                + "without it ids are plain text").build(),
                ConfigField.checkbox(VERIFY_TLS).label("Verify TLS certificates").defaultValue(Boolean.TRUE)
                        .advanced().description("Switch off only for a test proxy with a self-signed certificate")
                        .build());
    }
}
