package org.paymenter.ext.store.api;

import java.time.Instant;

/**
 * One callback to the panel: a payment change to be POSTed, its attempts so far.
 *
 * @param lastError   why the last attempt failed ({@code HTTP 500}, a connection error), or null
 * @param deliveredAt when the panel answered 2xx, or null
 */
public record Delivery(String id, String paymentId, String topic, DeliveryStatus status, int attempts,
        Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt) {
}
