package org.paymenter.ext.store.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a panel callback stands. Failed ones are retried with back-off until the panel takes them. */
public enum DeliveryStatus {
    /** Not tried yet (or no panel callback URL is configured). */
    PENDING,
    /** Tried, the panel did not answer 2xx; tried again at {@link Delivery#nextAttemptAt()}. */
    FAILED,
    /** The panel answered 2xx. */
    DELIVERED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
