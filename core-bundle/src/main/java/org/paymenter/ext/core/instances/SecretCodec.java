package org.paymenter.ext.core.instances;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Seals a secret field's value (any config type, as its JSON text) with {@link SecretCipher}, bound to its
 * instance and field. The key file is read at start (so a broken one is reported at once) and created only
 * when the first secret is stored.
 */
final class SecretCodec {

    private final SecretKeyFile keyFile;
    private final SecureRandom random;
    private final ObjectMapper mapper;
    private SecretCipher cipher;

    SecretCodec(SecretKeyFile keyFile, SecureRandom random, ObjectMapper mapper) {
        this.keyFile = keyFile;
        this.random = random;
        this.mapper = mapper;
        this.cipher = keyFile.load().map(key -> new SecretCipher(key, random)).orElse(null);
    }

    synchronized String seal(String instanceId, String field, Object value) {
        if (cipher == null) {
            cipher = new SecretCipher(keyFile.loadOrCreate(), random);
        }
        try {
            return cipher.encrypt(mapper.writeValueAsString(value), SecretCipher.aad(instanceId, field));
        } catch (JsonProcessingException e) {
            // Validated config values are strings, numbers, booleans and lists of strings. No cause: its
            // message may quote the value.
            throw new IllegalStateException("secret field '" + field + "' has a value of unexpected type "
                    + value.getClass().getName());
        }
    }

    /** @throws GeneralSecurityException when there is no key, or the value does not decrypt with it */
    synchronized Object open(String instanceId, String field, String sealed) throws GeneralSecurityException {
        if (cipher == null) {
            throw new GeneralSecurityException("the secret key " + keyFile.path() + " is missing");
        }
        String json = cipher.decrypt(sealed, SecretCipher.aad(instanceId, field));
        try {
            return ConfigValues.fromJson(mapper.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            // No cause: a parser's message quotes the text, which is the secret.
            throw new GeneralSecurityException("decrypted value is not JSON");
        }
    }
}
