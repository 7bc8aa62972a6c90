package org.paymenter.ext.runtime.internal;

import java.time.Duration;

/**
 * The folder deployer's timings, in one place.
 *
 * @param debounce            how long to gather more file events before acting on the first one; short,
 *                            because completeness is decided from the file, not from the clock
 * @param removalGrace        how long a deletion waits for a jar of the same symbolic name to arrive, so
 *                            that deleting {@code x-1.0.jar} and adding {@code x-1.1.jar} in one moment is
 *                            an upgrade, not a removal and a fresh install
 * @param reportUnreadableAfter an unreadable jar younger than this is probably still being copied and is
 *                            not logged yet (it is listed by {@code ext:diag} at once)
 * @param removalHookTimeout  how long a {@code RemovalListener} may take
 * @param refreshTimeout      how long to wait for a scoped package refresh
 */
public record FolderSettings(Duration debounce, Duration removalGrace, Duration reportUnreadableAfter,
        Duration removalHookTimeout, Duration refreshTimeout) {

    public static FolderSettings defaults() {
        return new FolderSettings(Duration.ofMillis(2), Duration.ofMillis(20), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
}
