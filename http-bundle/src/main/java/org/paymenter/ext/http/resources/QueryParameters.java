package org.paymenter.ext.http.resources;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;

/** Reads listing filters from the query string; a value that cannot be used is a 400 with a sentence. */
final class QueryParameters {

    private final ApiRequest request;

    QueryParameters(ApiRequest request) {
        this.request = request;
    }

    /** The parameter, or null when absent or blank. */
    String text(String name) {
        return request.query(name).filter(v -> !v.isBlank()).orElse(null);
    }

    /**
     * Where a listing goes on: {@code cursor}, or {@code next}, the name the previous page gave it; a client
     * that sends back {@code ?next=...} must not get the first page again, forever.
     */
    String cursor() {
        String cursor = text("cursor");
        return cursor != null ? cursor : text("next");
    }

    Instant instant(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2025-01-31T00:00:00Z, not '"
                    + value + "'");
        }
    }

    int limit(int fallback, int max) {
        Optional<String> value = Optional.ofNullable(text("limit"));
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a whole number from 1 to " + max + ", not '" + value.get() + "'");
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + max + ", not '" + value.get() + "'");
    }
}
