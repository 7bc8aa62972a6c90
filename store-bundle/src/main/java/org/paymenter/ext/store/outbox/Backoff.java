package org.paymenter.ext.store.outbox;

import java.time.Duration;

/**
 * Exponential back-off between panel callback attempts: {@code first}, then {@code factor} times longer
 * after each failure, never longer than {@code max}. There is no last attempt: a delivery waits as long as
 * the panel is down.
 */
public record Backoff(Duration first, int factor, Duration max) {

    /** How long to wait after the {@code failures}-th failed attempt (1 for the first). */
    public Duration after(int failures) {
        Duration delay = first;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(factor);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
