package org.paymenter.ext.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsSortByTheTimeTheyWereMade() {
        List<String> ids = new ArrayList<>();
        for (long ms = 0; ms < 5; ms++) {
            Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z").plusMillis(ms * 7), ZoneOffset.UTC);
            ids.add(new TimeOrderedIds(clock, new SecureRandom()).next());
        }
        assertThat(ids).isSorted().allSatisfy(id -> assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}"));
    }

    @Test
    void idsOfTheSameMillisecondDoNotCollide() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new SecureRandom());
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.next())).isTrue();
        }
        assertThat(seen).allSatisfy(id -> assertThat(id).startsWith("0000000000"));
    }
}
