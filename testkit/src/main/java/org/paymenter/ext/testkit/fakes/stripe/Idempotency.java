package org.paymenter.ext.testkit.fakes.stripe;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's idempotent requests: the first answer to a POST with an {@code Idempotency-Key} is kept and
 * replayed for the same key (per API key), errors included; the same key with other parameters is a 400.
 */
final class Idempotency {

    /** An answer as it was first given. */
    record Answer(int status, String body) {
    }

    private record Entry(String fingerprint, Answer answer) {
    }

    private final Map<String, Entry> answers = new HashMap<>();

    /** The kept answer for {@code key}, if any; a 400 when it was first used for another request. */
    Optional<Answer> replay(String apiKey, String key, String method, String path, String body) {
        Entry entry = answers.get(apiKey + " " + key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.fingerprint().equals(method + " " + path + " " + body)) {
            throw StripeError.idempotencyMismatch(key);
        }
        return Optional.of(entry.answer());
    }

    void keep(String apiKey, String key, String method, String path, String body, Answer answer) {
        answers.put(apiKey + " " + key, new Entry(method + " " + path + " " + body, answer));
    }
}
