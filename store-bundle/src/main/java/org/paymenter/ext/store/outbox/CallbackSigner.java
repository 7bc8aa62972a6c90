package org.paymenter.ext.store.outbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs panel callbacks the way Stripe signs webhooks: {@value #HEADER}{@code : t=<unix seconds>,v1=<hex>}
 * where the hex is HMAC-SHA256, keyed with the callback secret, over {@code "<t>." + body}. The panel
 * recomputes it and compares in constant time, and refuses a {@code t} too far from its clock (replays).
 */
public final class CallbackSigner {

    public static final String HEADER = "Paymenter-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public CallbackSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the callback secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for {@code body} sent at {@code unixSeconds}. */
    public String header(long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(signature(unixSeconds, body));
    }

    private byte[] signature(long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
