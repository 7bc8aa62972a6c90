package org.paymenter.ext.others.discord;

import java.time.Duration;

/**
 * How hard one delivery tries. The whole delivery, waits included, stays within {@link #BUDGET}, below the
 * host's default 30 s time limit for an extension call, so a give-up is ours to explain rather than the
 * host's timeout.
 */
final class RetryPolicy {

    static final Duration BUDGET = Duration.ofSeconds(25);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Tries in all, whatever the reasons; a limit however the waits add up. */
    static final int MAX_ATTEMPTS = 6;
    /** Retries after a 5xx or a failed connection: four tries in all. */
    static final int MAX_SERVER_ERROR_RETRIES = 3;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final int BACKOFF_FACTOR = 2;

    private RetryPolicy() {
    }

    /** The pause before retry number {@code retry} (1-based) after a server error: 0.5 s, 1 s, 2 s. */
    static Duration backoff(int retry) {
        return FIRST_BACKOFF.multipliedBy((long) Math.pow(BACKOFF_FACTOR, retry - 1));
    }
}
