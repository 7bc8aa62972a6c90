package org.paymenter.ext.runtime.internal;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;

/**
 * Turns the operating system's file notifications (inotify on Linux) into {@link FolderDeployer#changed}
 * calls. It does not track files itself: every event, and an overflow too, leads to a full rescan, so a
 * lost event costs nothing but a little time. Blocks in {@code take()}: no polling while idle.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FolderWatcher.class.getName());
    private static final Duration REREGISTER_PAUSE = Duration.ofSeconds(1);

    private final Path directory;
    private final FolderDeployer deployer;
    private final WatchService watchService;
    private final Thread thread;
    private volatile boolean closed;

    public FolderWatcher(Path directory, FolderDeployer deployer) throws IOException {
        this.directory = directory;
        this.deployer = deployer;
        this.watchService = directory.getFileSystem().newWatchService();
        register();
        this.thread = new Thread(this::run, "bundle-folder-watch");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void register() throws IOException {
        directory.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
    }

    private void run() {
        while (!closed) {
            WatchKey key;
            try {
                key = watchService.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            boolean deletion = false;
            for (WatchEvent<?> event : key.pollEvents()) {
                deletion |= event.kind() == ENTRY_DELETE || event.kind() == OVERFLOW;
            }
            deployer.changed(deletion);
            if (!key.reset()) {
                reRegister();
            }
        }
    }

    /** The folder itself was removed or replaced: wait for it to come back. */
    private void reRegister() {
        LOG.log(Level.WARNING, directory + " is no longer watchable (removed?); retrying every "
                + REREGISTER_PAUSE.toSeconds() + " s");
        while (!closed) {
            try {
                Thread.sleep(REREGISTER_PAUSE.toMillis());
                java.nio.file.Files.createDirectories(directory);
                register();
                deployer.changed(true);
                LOG.log(Level.INFO, "watching " + directory + " again");
                return;
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // still gone; try again after the pause
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the watch service: " + e.getMessage());
        }
        thread.interrupt();
    }
}
