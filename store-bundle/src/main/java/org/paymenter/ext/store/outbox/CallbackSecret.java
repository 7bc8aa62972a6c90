package org.paymenter.ext.store.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret panel callbacks are signed with, shared with the panel: {@code PAYMENTER_CALLBACK_SECRET}, or
 * {@code <data>/callback-secret}, generated (owner-only, 0600) on first start like the admin token. Nodes
 * that share a database must share the secret too (the variable, or a copy of the file).
 */
public final class CallbackSecret {

    private static final int SECRET_BYTES = 32;
    private static final System.Logger LOG = System.getLogger(CallbackSecret.class.getName());

    private CallbackSecret() {
    }

    /** The secret from the environment if given, else from (or newly into) {@code file}. */
    public static String resolve(Optional<String> fromEnvironment, Path file, SecureRandom random) {
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        try {
            if (!Files.exists(file)) {
                create(file, random);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it to have a new callback secret generated");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the callback secret " + file, e);
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another node sharing this data folder made it first: use theirs.
            LOG.log(Level.DEBUG, "callback secret created concurrently: " + file);
            return;
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        LOG.log(Level.INFO, "panel callback secret generated into " + file + " (mode 0600); give it to the panel");
    }
}
