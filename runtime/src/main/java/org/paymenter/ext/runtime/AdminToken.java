package org.paymenter.ext.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where the admin API's bearer token comes from: {@code PAYMENTER_ADMIN_TOKEN}, or a file under the data
 * folder that is generated (mode 0600) on first start. Holds the origin, never the value, so it can be
 * printed safely; the HTTP bundle reads the value itself.
 */
public record AdminToken(Origin origin, Path file) {

    public static final String ENV = "PAYMENTER_ADMIN_TOKEN";
    public static final String FILE_NAME = "admin-token";
    private static final int TOKEN_BYTES = 32;

    public enum Origin { ENVIRONMENT, FILE, GENERATED }

    static AdminToken resolve(Path dataDir, Map<String, String> environment) throws IOException {
        String fromEnv = environment.get(ENV);
        Path file = dataDir.resolve(FILE_NAME);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AdminToken(Origin.ENVIRONMENT, file);
        }
        if (Files.exists(file)) {
            if (Files.readString(file, StandardCharsets.UTF_8).isBlank()) {
                throw new IOException(file + " is empty; delete it to have a new token generated");
            }
            return new AdminToken(Origin.FILE, file);
        }
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
        return new AdminToken(Origin.GENERATED, file);
    }

    /** One line for the console; names where the token is, never the token. */
    public String describe() {
        return switch (origin) {
            case ENVIRONMENT -> "admin token: taken from " + ENV;
            case FILE -> "admin token: in " + file;
            case GENERATED -> "admin token: generated into " + file + " (mode 0600)";
        };
    }
}
