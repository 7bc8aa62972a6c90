package org.paymenter.ext.core.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String AAD = SecretCipher.aad("abcdefghijkl", "token");

    private static SecretCipher cipher() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new SecretCipher(new SecretKeySpec(key, "AES"), RANDOM);
    }

    @Test
    void roundTripGivesBackThePlaintext() throws GeneralSecurityException {
        SecretCipher cipher = cipher();

        String sealed = cipher.encrypt("pässwörd ✓", AAD);

        assertThat(sealed).startsWith("enc:v1:").doesNotContain("pässwörd");
        assertThat(cipher.decrypt(sealed, AAD)).isEqualTo("pässwörd ✓");
    }

    @Test
    void eachEncryptionUsesAFreshIv() {
        SecretCipher cipher = cipher();

        String first = cipher.encrypt("same", AAD);
        String second = cipher.encrypt("same", AAD);

        assertThat(first).isNotEqualTo(second);
        byte[] packed = Base64.getDecoder().decode(first.substring("enc:v1:".length()));
        assertThat(packed).hasSize(12 + "same".length() + 16);
    }

    @Test
    void valueMovedToAnotherFieldOrInstanceDoesNotDecrypt() {
        SecretCipher cipher = cipher();
        String sealed = cipher.encrypt("secret", AAD);

        assertThatThrownBy(() -> cipher.decrypt(sealed, SecretCipher.aad("abcdefghijkl", "password")))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt(sealed, SecretCipher.aad("zzzzzzzzzzzz", "token")))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void tamperedCiphertextDoesNotDecrypt() {
        SecretCipher cipher = cipher();
        byte[] packed = Base64.getDecoder().decode(cipher.encrypt("secret", AAD).substring("enc:v1:".length()));
        packed[packed.length - 1] ^= 1;
        String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(packed);

        assertThatThrownBy(() -> cipher.decrypt(tampered, AAD)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anotherKeyDoesNotDecrypt() {
        String sealed = cipher().encrypt("secret", AAD);

        assertThatThrownBy(() -> cipher().decrypt(sealed, AAD)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void malformedValuesAreRefused() {
        SecretCipher cipher = cipher();

        assertThatThrownBy(() -> cipher.decrypt("plain", AAD)).isInstanceOf(GeneralSecurityException.class)
                .hasMessageContaining("enc:v1:");
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:%%%", AAD)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:AAAA", AAD)).isInstanceOf(GeneralSecurityException.class);
    }
}
