package org.paymenter.ext.core.instances;

import java.security.SecureRandom;

/** Short random instance ids: 12 characters of lowercase base32 (60 bits), safe in URLs and file names. */
final class InstanceIds {

    static final int LENGTH = 12;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecureRandom random;

    InstanceIds(SecureRandom random) {
        this.random = random;
    }

    String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** Whether {@code text} could be an id this class made (checked before it becomes a file name). */
    static boolean isWellFormed(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (char c : text.toCharArray()) {
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }
}
