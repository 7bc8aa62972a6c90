package org.paymenter.ext.core.instances;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that protects stored secrets: 32 random bytes in {@code <data>/secret.key}. The file is
 * created owner-only (0600) in the same call that creates it, so it is never readable by others, not even
 * for a moment; on file systems without POSIX permissions it is created with their defaults.
 */
public final class SecretKeyFile {

    public static final String FILE_NAME = "secret.key";
    static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "AES";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final SecureRandom random;

    public SecretKeyFile(Path file, SecureRandom random) {
        this.file = file;
        this.random = random;
    }

    public Path path() {
        return file;
    }

    /**
     * The key, if the file exists.
     *
     * @throws IllegalStateException when the file cannot be read or does not hold exactly 32 bytes
     */
    public Optional<SecretKey> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the secret key " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("the secret key " + file + " holds " + bytes.length + " bytes, not "
                    + KEY_BYTES + "; restore the original file (stored secrets cannot be decrypted without it)");
        }
        return Optional.of(new SecretKeySpec(bytes, ALGORITHM));
    }

    /** The key from the file, or a new one written to it. */
    public SecretKey loadOrCreate() {
        return load().orElseGet(this::create);
    }

    private SecretKey create() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = open()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            // Another writer created it first: its key is the one to use.
            return load().orElseThrow(() -> new IllegalStateException("secret key " + file + " vanished", e));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the secret key " + file + ": " + e.getMessage(), e);
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    /**
     * Creates the key file itself rather than renaming a temp file over it: CREATE_NEW can never replace an
     * existing key, and replacing the key would make every stored secret unreadable.
     */
    private FileChannel open() throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        try {
            return FileChannel.open(file, options, ownerOnly);
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(file, options);
        }
    }
}
