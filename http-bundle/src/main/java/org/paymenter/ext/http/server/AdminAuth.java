package org.paymenter.ext.http.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the admin bearer token. The token is {@code PAYMENTER_ADMIN_TOKEN} or the content of the file
 * the launcher generated; both sides are hashed before the constant-time compare, so neither the
 * token's content nor its length leaks through timing.
 */
final class AdminAuth {

    static final String ENV = "PAYMENTER_ADMIN_TOKEN";
    private static final String BEARER = "bearer ";

    private final byte[] expectedHash;

    AdminAuth(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the admin token is empty");
        }
        this.expectedHash = sha256(token.trim());
    }

    static AdminAuth fromEnvironmentOrFile(Path tokenFile) throws IOException {
        String fromEnv = System.getenv(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AdminAuth(fromEnv);
        }
        if (tokenFile == null || !Files.exists(tokenFile)) {
            throw new IOException("no admin token: set " + ENV + " or let the launcher create " + tokenFile);
        }
        return new AdminAuth(Files.readString(tokenFile, StandardCharsets.UTF_8));
    }

    /** Empty when the header carries the right token; otherwise why not, without echoing the header. */
    Optional<String> reject(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.of("missing Authorization header; send 'Authorization: Bearer <admin token>'");
        }
        if (authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of("the Authorization header must use the Bearer scheme");
        }
        byte[] given = sha256(authorizationHeader.substring(BEARER.length()).trim());
        return MessageDigest.isEqual(given, expectedHash) ? Optional.empty() : Optional.of("wrong admin token");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
