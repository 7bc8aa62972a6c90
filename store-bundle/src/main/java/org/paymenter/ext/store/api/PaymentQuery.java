package org.paymenter.ext.store.api;

import java.time.Instant;

import org.paymenter.ext.api.gateway.PaymentStatus;

/**
 * Which payments to list; every filter may be null (no filter).
 *
 * @param from           created at or after this instant
 * @param to             created before this instant
 * @param limit          page size, 1 to {@value #MAX_LIMIT}
 * @param cursor         the {@link Page#next()} of the previous page, or null for the first
 * @param subscriptionId the provider's subscription the payments belong to (its first payment and renewals)
 */
public record PaymentQuery(String invoiceId, String gateway, PaymentStatus status, Instant from, Instant to,
        int limit, String cursor, String subscriptionId) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PaymentQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    /** Without a subscription filter (the constructor of store api 1.0). */
    public PaymentQuery(String invoiceId, String gateway, PaymentStatus status, Instant from, Instant to, int limit,
            String cursor) {
        this(invoiceId, gateway, status, from, to, limit, cursor, null);
    }

    /** The first page of every payment. */
    public static PaymentQuery all() {
        return new PaymentQuery(null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    public PaymentQuery withCursor(String next) {
        return new PaymentQuery(invoiceId, gateway, status, from, to, limit, next, subscriptionId);
    }
}
