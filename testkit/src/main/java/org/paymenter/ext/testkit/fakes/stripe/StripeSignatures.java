package org.paymenter.ext.testkit.fakes.stripe;

import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.StringJoiner;

import com.stripe.net.Webhook;

/**
 * {@code Stripe-Signature} headers for test payloads. The HMAC is stripe-java's own
 * ({@link Webhook.Util#computeHmacSha256}), so the tests do not verify our code against our own signing.
 */
public final class StripeSignatures {

    private StripeSignatures() {
    }

    /** {@code t=<now>,v1=<HMAC-SHA256 of "t.payload" with secret>}. */
    public static String header(String payload, String secret) {
        return header(payload, Instant.now(), secret);
    }

    /**
     * One {@code t=} and one {@code v1=} per secret, in order, as Stripe sends while a secret is being
     * rolled (several valid signatures, any one of which must be accepted).
     */
    public static String header(String payload, Instant timestamp, String... secrets) {
        long t = timestamp.getEpochSecond();
        StringJoiner header = new StringJoiner(",");
        header.add("t=" + t);
        for (String secret : secrets) {
            header.add(Webhook.Signature.EXPECTED_SCHEME + "=" + hmac(secret, t + "." + payload));
        }
        return header.toString();
    }

    private static String hmac(String secret, String message) {
        try {
            return Webhook.Util.computeHmacSha256(secret, message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
