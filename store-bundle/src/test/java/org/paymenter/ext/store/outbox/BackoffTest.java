package org.paymenter.ext.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.store.settings.StoreSettings;

class BackoffTest {

    private final Backoff backoff = new Backoff(StoreSettings.FIRST_RETRY, StoreSettings.RETRY_FACTOR,
            StoreSettings.MAX_RETRY);

    @Test
    void doublesFromOneSecondUpToTenMinutes() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofSeconds(512));
        assertThat(backoff.after(11)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.after(10_000)).isEqualTo(Duration.ofMinutes(10));
    }
}
