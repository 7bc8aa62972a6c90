package org.paymenter.ext.store.outbox;

import java.time.Instant;

import org.paymenter.ext.store.api.Delivery;
import org.paymenter.ext.store.api.DeliveryStatus;

/** A row of {@code panel_outbox}: one payment change to POST to the panel, and how that is going. */
public record OutboxRow(String id, String topic, String paymentId, String body, DeliveryStatus status, int attempts,
        Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {

    /** A change just committed, to be sent at once. */
    public static OutboxRow pending(String id, String topic, String paymentId, String body, Instant now) {
        return new OutboxRow(id, topic, paymentId, body, DeliveryStatus.PENDING, 0, now, null, now, null);
    }

    public Delivery toDelivery() {
        return new Delivery(id, paymentId, topic, status, attempts, nextAttemptAt, lastError, createdAt, deliveredAt);
    }
}
