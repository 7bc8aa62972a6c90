package org.paymenter.ext.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition by checking it every few milliseconds, so a wait returns as soon as the runtime
 * got there and the timeout only matters when something is wrong (then it names what was last seen).
 */
public final class Poll {

    /** Generous for a slow CI machine; on a normal one every wait returns within milliseconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final long INTERVAL_NANOS = Duration.ofMillis(2).toNanos();

    private Poll() {
    }

    /**
     * Returns the first present value of {@code probe}.
     *
     * @param what      what is awaited, for the failure message
     * @param lastState what the world looked like, for the failure message
     * @throws AssertionError when {@code timeout} passes first
     */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastState) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last seen: " + lastState.get());
            }
            LockSupport.parkNanos(INTERVAL_NANOS);
            if (Thread.interrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** {@link #until} for a plain condition. */
    public static void untilTrue(String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastState) {
        until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), lastState);
    }
}
