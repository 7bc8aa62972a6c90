package org.paymenter.ext.bench;

import java.time.Instant;

/** The wall clock in microseconds since the epoch: the one clock the driver and the probes share. */
final class WallClock {

    private WallClock() {
    }

    static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static double millisBetween(long fromMicros, long toMicros) {
        return (toMicros - fromMicros) / 1000.0;
    }
}
