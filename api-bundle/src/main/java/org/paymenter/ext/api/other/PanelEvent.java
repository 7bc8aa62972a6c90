package org.paymenter.ext.api.other;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in the panel.
 *
 * @param topic      one of {@link PanelTopics}
 * @param data       the event's model as the panel sent it ({@code {"user": {...}}})
 * @param occurredAt when the host received it
 */
public record PanelEvent(String topic, Map<String, Object> data, Instant occurredAt) {

    public PanelEvent {
        Objects.requireNonNull(topic, "topic");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        occurredAt = occurredAt == null ? Instant.now() : occurredAt;
    }
}
