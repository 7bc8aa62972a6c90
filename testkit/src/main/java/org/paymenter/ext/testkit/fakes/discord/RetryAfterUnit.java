package org.paymenter.ext.testkit.fakes.discord;

/** The units a 429 states its wait in: Discord's API v8 and later, or v6/v7 (still seen on unversioned URLs). */
public enum RetryAfterUnit {
    /** {@code "retry_after": 0.3} in the body, {@code Retry-After: 1} (whole seconds, rounded up). */
    SECONDS,
    /** {@code "retry_after": 300} in the body and {@code Retry-After: 300}. */
    MILLISECONDS
}
