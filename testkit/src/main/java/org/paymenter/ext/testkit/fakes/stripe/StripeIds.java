package org.paymenter.ext.testkit.fakes.stripe;

import java.security.SecureRandom;

/** Ids as Stripe makes them: a type prefix ({@code pi_}, {@code evt_}) and a random alphanumeric tail. */
final class StripeIds {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int TAIL = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private StripeIds() {
    }

    static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < TAIL; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
