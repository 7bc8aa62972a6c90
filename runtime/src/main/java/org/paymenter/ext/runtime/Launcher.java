package org.paymenter.ext.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.internal.FelixLogBridge;
import org.paymenter.ext.runtime.internal.FolderDeployer;
import org.paymenter.ext.runtime.internal.FolderSettings;
import org.paymenter.ext.runtime.internal.FolderWatcher;
import org.paymenter.ext.runtime.internal.LogSetup;
import org.paymenter.ext.runtime.internal.SystemPackages;

/**
 * Boots the runtime: Felix with the system bundles, then everything in the bundles folder, then the
 * watcher. Returns only when what was in the folder at start is installed and started, so "ready" means
 * ready. Used by {@link Main} and, in-process, by the tests.
 */
public final class Launcher {

    /** Framework properties the bundles read (documented in the README). */
    public static final String DATA_DIR = "paymenter.data.dir";
    public static final String BUNDLES_DIR = "paymenter.bundles.dir";
    public static final String HTTP_PORT = "paymenter.http.port";
    public static final String HTTP_HOST = "paymenter.http.host";
    public static final String ADMIN_TOKEN_FILE = "paymenter.admin.token.file";
    /** Read by the store bundle; credentials may also come from PAYMENTER_DB_USER / PAYMENTER_DB_PASSWORD. */
    public static final String DB_URL = "paymenter.db.url";
    public static final String PANEL_CALLBACK_URL = "paymenter.panel.callback.url";

    static final String CACHE_DIR = "felix-cache";
    static final String LOGS_DIR = "logs";
    static final String DISABLED_FILE = "disabled-bundles";
    static final String VERIFIED_FILE = "folder-verified";
    static final String SYSTEM_LOCATION_PREFIX = "system:";
    private static final String REFERENCE_PREFIX = "reference:";
    /** The services without which the runtime does not serve; see {@link #awaitReadyServices}. */
    static final List<String> READY_SERVICES = List.of(
            "(&(objectClass=java.net.URI)(paymenter.endpoint=admin-api))",
            "(objectClass=org.paymenter.ext.store.api.PaymentLedger)");
    static final Duration READY_WAIT = Duration.ofSeconds(30);
    /** A system bundle slower than this to start is named in the log, to see where start-up time goes. */
    private static final long SLOW_START_MS = 50;
    private static final System.Logger LOG = System.getLogger(Launcher.class.getName());

    private Launcher() {
    }

    public static RunningRuntime start(RuntimeOptions options) throws IOException, BundleException {
        return start(options, System.getenv());
    }

    static RunningRuntime start(RuntimeOptions options, Map<String, String> environment)
            throws IOException, BundleException {
        long started = System.nanoTime();
        // Jetty sizes a cache by asking the platform MBean server, which costs ~100 ms at start-up; the
        // value it would find on x86-64 and ARM64 is 16 (org.eclipse.jetty.util.MemoryUtils).
        System.getProperties().putIfAbsent("org.eclipse.jetty.util.referencesPerCacheLine", "16");
        Set<String> missing = SystemBundles.missing(options.systemBundles());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the distribution is incomplete: no jar provides " + missing);
        }
        Files.createDirectories(options.bundlesDir());
        Files.createDirectories(options.dataDir());
        LogSetup.configure(options.dataDir().resolve(LOGS_DIR), options.shell());
        AdminToken token = AdminToken.resolve(options.dataDir(), environment);

        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next()
                .newFramework(frameworkProperties(options, token));
        framework.init();
        BundleContext context = framework.getBundleContext();
        List<Bundle> system = installSystemBundles(context, options.systemBundles());
        long installedAt = System.nanoTime();
        framework.start();
        startAll(system);
        LOG.log(Level.INFO, system.size() + " system bundles installed in " + millis(started, installedAt)
                + " ms, started in " + millis(installedAt, System.nanoTime()) + " ms");

        FolderDeployer deployer = new FolderDeployer(context, options.bundlesDir(),
                options.dataDir().resolve(DISABLED_FILE), options.dataDir().resolve(VERIFIED_FILE),
                FolderSettings.defaults());
        context.registerService(BundleFolder.class, deployer, null);
        FolderWatcher watcher = new FolderWatcher(options.bundlesDir(), deployer); // before the scan: no gap
        deployer.rescan();
        awaitReadyServices(context);
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        LOG.log(Level.INFO, "runtime started in " + startup.toMillis() + " ms");
        return new RunningRuntime(options, framework, deployer, watcher, token, startup);
    }

    /**
     * Ready means serving: the admin API listens and the payments ledger is open. Both start on threads
     * of their own, beside the folder scan; this waits for whichever is not there yet.
     */
    private static void awaitReadyServices(BundleContext context) {
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        for (String filter : READY_SERVICES) {
            ServiceTracker<Object, Object> tracker;
            try {
                tracker = new ServiceTracker<>(context, context.createFilter(filter), null);
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(filter, e);
            }
            tracker.open(true);
            try {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                if (tracker.waitForService(left) == null) {
                    LOG.log(Level.WARNING, "no " + filter + " after " + READY_WAIT.toSeconds()
                            + " s; reporting ready without it (the log above says why)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                tracker.close();
            }
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Map<String, String> frameworkProperties(RuntimeOptions options, AdminToken token) {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, options.dataDir().resolve(CACHE_DIR).toString());
        // The folder is the truth: the cache is rebuilt from lib/ and the folder on every start.
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", hostPackages()));
        // A bundle gets only what it imports: without this, Felix lets a class load fall back to the
        // launcher's class path, which in tests holds every jar and hides missing imports (it hid Flyway's).
        config.put("felix.bootdelegation.implicit", "false");
        config.put("felix.log.logger", new FelixLogBridge());
        config.put("felix.log.level", "2");
        config.put("ds.loglevel", "warn");
        config.put("gosh.args", options.shell() ? "" : "--nointeractive");
        config.put(DATA_DIR, options.dataDir().toString());
        config.put(BUNDLES_DIR, options.bundlesDir().toString());
        config.put(HTTP_PORT, Integer.toString(options.port()));
        config.put(HTTP_HOST, options.host());
        config.put(ADMIN_TOKEN_FILE, token.file().toString());
        if (options.databaseUrl() != null) {
            config.put(DB_URL, options.databaseUrl());
        }
        if (options.panelCallback() != null) {
            config.put(PANEL_CALLBACK_URL, options.panelCallback());
        }
        return (Map) config; // Felix takes the logger object among the string properties
    }

    /**
     * What the class path shares with the bundles, each jar named by one of its classes: the deploy SPI,
     * and Jetty with slf4j for the HTTP bundle. Nothing else on the class path is visible to bundles.
     */
    private static List<String> hostPackages() {
        List<String> packages = new ArrayList<>();
        for (Class<?> anchor : List.of(BundleFolder.class, org.eclipse.jetty.server.Server.class,
                org.eclipse.jetty.http.HttpField.class, org.eclipse.jetty.io.Content.class,
                org.eclipse.jetty.util.Callback.class, org.slf4j.Logger.class)) {
            packages.addAll(SystemPackages.exportedBy(anchor));
        }
        return packages;
    }

    private static List<Bundle> installSystemBundles(BundleContext context, List<Path> jars) throws BundleException {
        // Felix's reference: URLs use the jar where it is instead of copying it into the cache: the
        // distribution's lib/ never changes under a running runtime (folder jars, which may, are copied).
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(REFERENCE_PREFIX + jar.toAbsolutePath().toUri()));
        }
        return installed;
    }

    private static void startAll(List<Bundle> bundles) {
        for (Bundle bundle : SystemBundles.inStartOrder(bundles)) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            long start = System.nanoTime();
            try {
                bundle.start();
            } catch (BundleException e) {
                LOG.log(Level.ERROR, "system bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
            }
            long took = millis(start, System.nanoTime());
            if (took >= SLOW_START_MS) {
                LOG.log(Level.INFO, "system bundle " + bundle.getSymbolicName() + " took " + took + " ms to start");
            }
        }
    }

}
