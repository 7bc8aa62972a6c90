package org.paymenter.ext.core.instances;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secret config values with AES-256-GCM: a fresh 12-byte IV per value, stored as
 * {@code enc:v1:<base64(iv || ciphertext+tag)>}. The associated data binds a value to where it belongs
 * (instance id + "/" + field), so a ciphertext copied into another instance or field does not decrypt.
 */
public final class SecretCipher {

    public static final String PREFIX = "enc:v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    public SecretCipher(SecretKey key, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The AAD for one field of one instance. */
    public static String aad(String instanceId, String field) {
        return instanceId + "/" + field;
    }

    public String encrypt(String plaintext, String aad) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            // AES-GCM is required of every Java platform; failing here means a broken JRE, not bad input.
            throw new IllegalStateException("AES-GCM encryption is not available: " + e.getMessage(), e);
        }
    }

    /**
     * @throws GeneralSecurityException when the value is not an {@code enc:v1} value, was altered, belongs to
     *                                  another field or instance, or was encrypted with another key
     */
    public String decrypt(String stored, String aad) throws GeneralSecurityException {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new GeneralSecurityException("not an " + PREFIX + " value");
        }
        byte[] packed;
        try {
            packed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not valid base64", e);
        }
        if (packed.length <= IV_BYTES) {
            throw new GeneralSecurityException("too short to hold an IV and a tag");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, packed, 0, IV_BYTES));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        byte[] plain = cipher.doFinal(packed, IV_BYTES, packed.length - IV_BYTES);
        return new String(plain, StandardCharsets.UTF_8);
    }
}
