package org.paymenter.ext.store.ledger;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque, unique ids that sort by creation time (the ULID layout: 48 bits of milliseconds, 80 random bits,
 * 26 characters of Crockford base 32). Sorting by id is sorting by age, which is what paging relies on, and
 * ids made on different nodes never collide.
 */
public final class TimeOrderedIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_BYTES = 10;

    private final Clock clock;
    private final SecureRandom random;

    public TimeOrderedIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public String next() {
        long millis = clock.millis();
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        char[] id = new char[26];
        for (int i = 0; i < 10; i++) {
            id[i] = ALPHABET[(int) (millis >>> (45 - 5 * i)) & 31];
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 5] & 0xff);
        }
        for (int i = 0; i < 8; i++) {
            id[10 + i] = ALPHABET[(int) (high >>> (35 - 5 * i)) & 31];
            id[18 + i] = ALPHABET[(int) (low >>> (35 - 5 * i)) & 31];
        }
        return new String(id);
    }
}
