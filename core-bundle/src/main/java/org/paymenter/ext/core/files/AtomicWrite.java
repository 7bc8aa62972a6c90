package org.paymenter.ext.core.files;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that readers (and a crash) see either the old content or the new one, never a part:
 * the content goes to a hidden temp file in the same directory, is forced to disk, then renamed over the
 * target. The bundles folder relies on this too: a jar only appears there complete.
 */
public final class AtomicWrite {

    private static final System.Logger LOG = System.getLogger(AtomicWrite.class.getName());

    private AtomicWrite() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        replace(target, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** Copies {@code source} to {@code target} the same way. */
    public static void copy(Path source, Path target) throws IOException {
        replace(target, channel -> {
            try (InputStream in = Files.newInputStream(source)) {
                in.transferTo(Channels.newOutputStream(channel));
            }
        });
    }

    private interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    private static void replace(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A unique hidden name: the folder watcher ignores it and two writers never share one.
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(channel);
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceDirectory(dir);
    }

    /** Makes the rename itself durable; not every file system lets a directory be opened for that. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot force directory " + dir + " to disk: " + e);
        }
    }
}
