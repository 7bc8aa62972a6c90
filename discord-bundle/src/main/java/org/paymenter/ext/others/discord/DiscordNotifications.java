package org.paymenter.ext.others.discord;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.http.HttpClients;
import org.paymenter.ext.api.other.OtherExtension;
import org.paymenter.ext.api.other.PanelEvent;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Discord notifications (spec §2.14): each panel event an instance selected becomes one embed posted to the
 * instance's Discord webhook. The host calls {@link #execute} off the event thread and within its time
 * limit, so posting (and waiting out a rate limit) may block here.
 */
@Component(service = OtherExtension.class)
public final class DiscordNotifications implements OtherExtension {

    static final String NAME = "discordnotifications";
    private static final System.Logger LOG = System.getLogger(DiscordNotifications.class.getName());

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClients clients = new HttpClients(WebhookClient::httpClientBuilder);
    private final MessageBuilder messages = new MessageBuilder(json);
    private final WebhookPayload payload = new WebhookPayload(json);
    private final DiscordErrors errors = new DiscordErrors(json);

    @Override
    public ExtensionMetadata metadata() {
        return new ExtensionMetadata(NAME, "Discord Notifications",
                "Posts panel events (new users, orders, paid invoices, tickets, services) to a Discord channel "
                        + "through a webhook.",
                version(), "Paymenter", "https://paymenter.org/docs/extensions/discord-notifications", "");
    }

    @Override
    public List<ConfigField> configSchema() {
        return DiscordConfig.schema();
    }

    @Override
    public Set<String> topics() {
        return Arrays.stream(NotifiedEvent.values()).map(NotifiedEvent::topic).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String execute(InstanceConfig config, PanelEvent event) {
        Optional<NotifiedEvent> notified = NotifiedEvent.forTopic(event.topic());
        if (notified.isEmpty()) {
            return "skipped: Discord notifications have no message for " + event.topic();
        }
        DiscordSettings settings = DiscordSettings.from(config);
        NotifiedEvent kind = notified.get();
        if (!settings.notifies(kind)) {
            return "skipped: instance '" + settings.instanceName() + "' does not notify '" + kind.label() + "'";
        }
        if (!settings.verifyTls()) {
            LOG.log(Level.WARNING, "instance '" + settings.instanceName()
                    + "' posts to Discord without verifying TLS certificates");
        }
        byte[] body = payload.bytes(messages.build(settings, kind, event));
        Delivery delivery = new WebhookClient(clients.client(settings.verifyTls()), errors)
                .post(settings.webhook(), body, settings.instanceName());
        return "posted '" + kind.label() + "' to Discord (" + delivery.describe() + ")";
    }

    private String version() {
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        return bundle == null ? "0.0.0" : bundle.getVersion().toString();
    }
}
