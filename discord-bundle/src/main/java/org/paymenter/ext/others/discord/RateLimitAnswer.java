package org.paymenter.ext.others.discord;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a 429 says about when to try again, and how long that is.
 *
 * <p>The wait is {@code retry_after} from the JSON body, else the {@code Retry-After} header, else
 * {@code X-RateLimit-Reset-After}, else {@link #DEFAULT_WAIT}. Discord changed units over time: API v8 and
 * later send seconds (a float in the body, whole seconds in the header); v6 and v7 sent milliseconds (whole
 * numbers); and the usual unversioned webhook URL has been seen answering in either (discord-api-docs#4722).
 * So the value V is read:
 * <ol>
 * <li>in the unit its API version documents when the URL names one ({@code /api/v10/...} seconds,
 * {@code /api/v6/...} milliseconds);</li>
 * <li>from the body: a JSON float (2.0, 0.529) as seconds, as v8+ write it; a whole number as
 * milliseconds when V &gt; {@value #MILLIS_ABOVE} (no webhook limit lasts that many seconds) or, for a
 * webhook's own (not global) limit, when the answer also has {@code X-RateLimit-Reset-After} R (seconds in
 * every version) and V &gt; {@value #MILLIS_RATIO} × R; otherwise as seconds;</li>
 * <li>from the header: as seconds, as HTTP defines it (Cloudflare's bans send {@code Retry-After: 3600}
 * with an HTML page).</li>
 * </ol>
 *
 * @param bodyRetryAfter   {@code retry_after} of the JSON body
 * @param bodyWhole        whether that value was a whole JSON number (1500) rather than a float (1.5)
 * @param headerRetryAfter the {@code Retry-After} header
 * @param resetAfter       the {@code X-RateLimit-Reset-After} header (seconds)
 * @param global           whether the limit is global rather than this webhook's
 */
record RateLimitAnswer(OptionalDouble bodyRetryAfter, boolean bodyWhole, OptionalDouble headerRetryAfter,
        OptionalDouble resetAfter, boolean global) {

    static final double MILLIS_ABOVE = 1000;
    static final double MILLIS_RATIO = 30;
    /** The first version whose rate-limit values are seconds. */
    static final int FIRST_SECONDS_VERSION = 8;
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private static final double MILLIS_PER_SECOND = 1000;

    static RateLimitAnswer from(HttpHeaders headers, JsonNode body) {
        JsonNode retryAfter = body == null ? null : body.get("retry_after");
        return new RateLimitAnswer(
                retryAfter != null && retryAfter.isNumber() ? OptionalDouble.of(retryAfter.asDouble()) : OptionalDouble.empty(),
                retryAfter != null && retryAfter.isIntegralNumber(),
                number(headers.firstValue("Retry-After")),
                number(headers.firstValue("X-RateLimit-Reset-After")),
                body != null && body.path("global").asBoolean(false)
                        || headers.firstValue("X-RateLimit-Global").map(Boolean::parseBoolean).orElse(false));
    }

    /** How long to wait before the next try, for a webhook URL of that API version. */
    Duration waitFor(OptionalInt apiVersion) {
        boolean fromBody = bodyRetryAfter.isPresent();
        OptionalDouble value = fromBody ? bodyRetryAfter : headerRetryAfter;
        if (value.isEmpty()) {
            return resetAfter.isPresent() ? seconds(resetAfter.getAsDouble()) : DEFAULT_WAIT;
        }
        double v = Math.max(0, value.getAsDouble());
        return inMillis(v, fromBody, apiVersion) ? Duration.ofNanos(Math.round(v * 1_000_000)) : seconds(v);
    }

    private boolean inMillis(double v, boolean fromBody, OptionalInt apiVersion) {
        if (apiVersion.isPresent()) {
            return apiVersion.getAsInt() < FIRST_SECONDS_VERSION;
        }
        if (!fromBody || !bodyWhole) {
            return false;
        }
        if (v > MILLIS_ABOVE) {
            return true;
        }
        return !global && resetAfter.isPresent() && resetAfter.getAsDouble() > 0
                && v > MILLIS_RATIO * resetAfter.getAsDouble();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(Math.max(0, seconds) * MILLIS_PER_SECOND * 1_000_000));
    }

    private static OptionalDouble number(Optional<String> header) {
        try {
            return header.map(h -> OptionalDouble.of(Double.parseDouble(h.trim()))).orElse(OptionalDouble.empty());
        } catch (NumberFormatException e) {
            return OptionalDouble.empty(); // an HTTP-date Retry-After: Discord never sends one; fall back
        }
    }
}
