package org.paymenter.ext.runtime;

import java.lang.System.Logger.Level;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Optional;

import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.framework.launch.Framework;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.internal.FolderDeployer;
import org.paymenter.ext.runtime.internal.FolderWatcher;

/** A started runtime: the framework, the folder it watches, and an orderly way to stop both. */
public final class RunningRuntime implements AutoCloseable {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final System.Logger LOG = System.getLogger(RunningRuntime.class.getName());

    private final RuntimeOptions options;
    private final Framework framework;
    private final FolderDeployer deployer;
    private final FolderWatcher watcher;
    private final AdminToken adminToken;
    private final Duration startup;

    RunningRuntime(RuntimeOptions options, Framework framework, FolderDeployer deployer, FolderWatcher watcher,
            AdminToken adminToken, Duration startup) {
        this.options = options;
        this.framework = framework;
        this.deployer = deployer;
        this.watcher = watcher;
        this.adminToken = adminToken;
        this.startup = startup;
    }

    public RuntimeOptions options() {
        return options;
    }

    public Framework framework() {
        return framework;
    }

    public BundleFolder folder() {
        return deployer;
    }

    public AdminToken adminToken() {
        return adminToken;
    }

    /** From {@link Launcher#start} to everything in the folder installed and started. */
    public Duration startup() {
        return startup;
    }

    /**
     * The admin API's address, once the HTTP bundle publishes it (a {@link URI} service with
     * {@code paymenter.endpoint=admin-api}); empty if it does not within {@code wait}.
     */
    public Optional<URI> adminApi(Duration wait) {
        ServiceTracker<URI, URI> tracker;
        try {
            tracker = new ServiceTracker<>(framework.getBundleContext(),
                    framework.getBundleContext().createFilter("(&(objectClass=java.net.URI)(paymenter.endpoint=admin-api))"),
                    null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        tracker.open();
        try {
            return Optional.ofNullable(tracker.waitForService(wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            tracker.close();
        }
    }

    /**
     * Installs and starts the Gogo console bundles, last, so that the prompt comes after the ready lines.
     * Only for a terminal: without one Gogo would read EOF and stop the framework (pitfall P4).
     */
    public void attachShell(List<Path> shellBundles) {
        for (Path jar : shellBundles) {
            try (InputStream in = Files.newInputStream(jar)) {
                framework.getBundleContext().installBundle(Launcher.SYSTEM_LOCATION_PREFIX + jar.getFileName(), in).start();
            } catch (IOException | BundleException e) {
                LOG.log(Level.ERROR, "cannot start the shell from " + jar + ": " + e.getMessage());
            }
        }
    }

    /** Blocks until the framework stops (Gogo's {@code exit}, {@link #close()} from another thread). */
    public void awaitStop() throws InterruptedException {
        FrameworkEvent event;
        do {
            event = framework.waitForStop(0);
        } while (event.getType() == FrameworkEvent.STOPPED_UPDATE);
        watcher.close();
        deployer.close();
    }

    /** Stops watching, then stops the framework and waits for it; safe to call twice. */
    @Override
    public void close() {
        watcher.close();
        deployer.close();
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.log(Level.WARNING, "the framework did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (BundleException e) {
            LOG.log(Level.WARNING, "stopping the framework failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
