package org.paymenter.ext.others.discord;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.paymenter.ext.api.InstanceConfig;

/** Instance configs as the host hands them to the extension (validated values, secrets decrypted). */
final class TestInstances {

    private TestInstances() {
    }

    /** An instance posting every event to {@code webhookUrl}, with admin links to {@link SamplePayloads#PANEL}. */
    static InstanceConfig notifyingAll(String webhookUrl) {
        return config(webhookUrl, Map.of());
    }

    /** Every event, plus {@code extra} values (which may replace the defaults). */
    static InstanceConfig config(String webhookUrl, Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>();
        values.put(DiscordConfig.WEBHOOK_URL, webhookUrl);
        values.put(DiscordConfig.EVENTS, Arrays.stream(NotifiedEvent.values()).map(NotifiedEvent::topic).toList());
        values.put(DiscordConfig.PANEL_URL, SamplePayloads.PANEL);
        values.putAll(extra);
        return new InstanceConfig("i-1", "alerts", values);
    }
}
