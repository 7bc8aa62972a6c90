package org.paymenter.ext.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.FrameworkWiring;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.deploy.FolderEntry;
import org.paymenter.ext.runtime.deploy.JarCheck;
import org.paymenter.ext.runtime.deploy.FolderEntry.State;

/**
 * Makes the installed bundles match the jars in the folder. Every change, whatever caused it (a file
 * event, an overflow, start-up, {@link #rescan()}), runs the same full reconcile on one thread:
 * <ul>
 * <li>bundles are keyed by symbolic name (location {@code folder:<bsn>}), so the file name does not
 * matter and a new version of a jar updates the installed bundle in place;</li>
 * <li>a jar that does not read completely is left alone, and a running version whose file became
 * unreadable (overwritten in place, corrupt) keeps running until a valid replacement arrives;</li>
 * <li>an update stops the bundle first and refreshes only what the update left pending (the bundle and
 * its dependants), never the whole framework.</li>
 * </ul>
 */
public final class FolderDeployer implements BundleFolder, AutoCloseable {

    static final String LOCATION_PREFIX = "folder:";
    private static final System.Logger LOG = System.getLogger(FolderDeployer.class.getName());

    private final BundleContext context;
    private final Path directory;
    private final FolderSettings settings;
    private final DisabledBundles disabled;
    private final RemovalNotifier removalNotifier;
    private final JarInspector inspector = new JarInspector();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bundle-folder");
        t.setDaemon(true);
        return t;
    });

    // Only touched on the worker thread.
    private final Map<Path, ScannedJar> scanned = new HashMap<>();
    private final VerifiedJars verified;
    private final Map<Path, String> lastReadableName = new HashMap<>();
    private final Map<String, Long> installedFingerprint = new HashMap<>();
    private final Map<String, String> startFailures = new HashMap<>();
    private final Set<String> waitForNewFile = new HashSet<>();
    private final Map<String, State> reportedStates = new HashMap<>();
    private ScheduledFuture<?> scheduled;
    private long scheduledAtNanos;
    private volatile long lastDeletionNanos;

    private volatile List<FolderEntry> entries = List.of();

    /**
     * @param stateFile    where operator stops are kept ({@code ext:stop})
     * @param verifiedFile where the jars verified in full are remembered across restarts
     */
    public FolderDeployer(BundleContext context, Path directory, Path stateFile, Path verifiedFile,
            FolderSettings settings) {
        this.context = context;
        this.directory = directory;
        this.settings = settings;
        this.disabled = new DisabledBundles(stateFile);
        this.verified = new VerifiedJars(verifiedFile);
        this.removalNotifier = new RemovalNotifier(context, settings.removalHookTimeout());
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public List<FolderEntry> entries() {
        return entries;
    }

    @Override
    public JarCheck check(Path jar) {
        JarInspection inspection = inspector.inspect(jar);
        if (inspection instanceof JarInspection.Bundle b) {
            return new JarCheck(b.symbolicName(), b.version().toString(), "");
        }
        return new JarCheck(null, null, ((JarInspection.Unreadable) inspection).reason());
    }

    @Override
    public void rescan() {
        // Whoever asks has finished changing the folder (the deployments API deletes, then rescans), so a
        // deleted jar is not waited for to pair with an arriving replacement: it is uninstalled now.
        await(worker.submit(() -> reconcile(true)));
    }

    @Override
    public boolean disable(String symbolicName) {
        return await(worker.submit(() -> {
            Bundle bundle = managedBundles().get(symbolicName);
            if (bundle == null) {
                return false;
            }
            disabled.add(symbolicName);
            try {
                bundle.stop();
                LOG.log(Level.INFO, "stopped " + describe(bundle) + "; it stays stopped until ext:start");
            } catch (BundleException e) {
                LOG.log(Level.WARNING, "stopping " + describe(bundle) + " failed: " + e.getMessage());
            }
            reconcile(false);
            return true;
        }));
    }

    @Override
    public boolean enable(String symbolicName) {
        return await(worker.submit(() -> {
            if (!managedBundles().containsKey(symbolicName)) {
                return false;
            }
            disabled.remove(symbolicName);
            waitForNewFile.remove(symbolicName);
            reconcile(false);
            return true;
        }));
    }

    /** A file event: act on it after the debounce (or the removal grace, for deletions). */
    void changed(boolean deletion) {
        long now = System.nanoTime();
        if (deletion) {
            lastDeletionNanos = now;
        }
        schedule(settings.debounce().toNanos());
    }

    private synchronized void schedule(long delayNanos) {
        long at = System.nanoTime() + delayNanos;
        if (scheduled != null && !scheduled.isDone() && scheduledAtNanos <= at) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduledAtNanos = at;
        scheduled = worker.schedule(this::reconcileLogged, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void reconcileLogged() {
        synchronized (this) {
            // This run has begun and may already have scanned: a change seen from now on (a file event, or a
            // reschedule from inside reconcile) needs a run of its own, not this one.
            scheduled = null;
        }
        try {
            reconcile(false);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "applying the bundles folder failed; will retry on the next change", e);
        }
    }

    /**
     * The whole decision: scan, pick one jar per symbolic name, remove, install, update, start.
     *
     * @param removalsNow uninstall what left the folder now, rather than after the removal grace that pairs a
     *                    deletion with a replacement arriving in the same moment (file events)
     */
    private void reconcile(boolean removalsNow) {
        List<ScannedJar> jars = scan();
        Map<String, ScannedJar> winners = pickWinners(jars);
        Map<String, Bundle> managed = managedBundles();
        Set<String> keptRunning = namesOfUnreadableFormerBundles(jars);
        boolean changedAny = false;

        long sinceDeletion = System.nanoTime() - lastDeletionNanos;
        boolean removalDue = removalsNow || sinceDeletion >= settings.removalGrace().toNanos();
        for (Map.Entry<String, Bundle> installed : managed.entrySet()) {
            String name = installed.getKey();
            if (winners.containsKey(name) || keptRunning.contains(name)) {
                continue;
            }
            if (!removalDue) {
                schedule(settings.removalGrace().toNanos() - sinceDeletion);
                continue;
            }
            uninstall(installed.getValue());
            changedAny = true;
        }
        for (ScannedJar jar : winners.values()) {
            Bundle bundle = managed.get(jar.bundle().symbolicName());
            if (bundle == null) {
                install(jar);
                changedAny = true;
            } else if (!bundle.getVersion().equals(jar.bundle().version())
                    || !Objects.equals(installedFingerprint.get(jar.bundle().symbolicName()), jar.bundle().fingerprint())) {
                update(bundle, jar);
                changedAny = true;
            }
        }
        if (changedAny) {
            refreshPending();
        }
        startAll();
        entries = describe(jars, winners);
        reportChanges(jars);
    }

    private List<ScannedJar> scan() {
        List<ScannedJar> jars = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.jar")) {
            for (Path file : files) {
                if (file.getFileName().toString().startsWith(".")) {
                    continue; // temp files of writers that rename into place
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException e) {
                    continue; // deleted between listing and reading
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                present.add(file);
                Object key = List.of(String.valueOf(attributes.fileKey()), attributes.size(),
                        attributes.lastModifiedTime().toMillis(), attributes.lastModifiedTime().toString());
                ScannedJar previous = scanned.get(file);
                ScannedJar jar = previous != null && previous.key().equals(key) ? previous : inspect(file, key);
                scanned.put(file, jar);
                if (jar.bundle() != null) {
                    lastReadableName.put(file, jar.bundle().symbolicName());
                }
                jars.add(jar);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        scanned.keySet().retainAll(present);
        lastReadableName.keySet().retainAll(present);
        verified.retain(present);
        verified.saveIfChanged();
        jars.sort(Comparator.comparing(ScannedJar::fileName));
        return jars;
    }

    /** A jar not seen in this run: trusted if an earlier start verified this very file, else checked in full. */
    private ScannedJar inspect(Path file, Object key) {
        Optional<JarInspection.Bundle> known = verified.lookup(file, key);
        if (known.isPresent()) {
            return new ScannedJar(file, key, known.get());
        }
        JarInspection inspection = inspector.inspect(file);
        if (inspection instanceof JarInspection.Bundle bundle) {
            verified.remember(file, key, bundle);
        }
        return new ScannedJar(file, key, inspection);
    }

    /** The highest version of each symbolic name; equal versions: the last file name wins. */
    private static Map<String, ScannedJar> pickWinners(List<ScannedJar> jars) {
        Map<String, ScannedJar> winners = new LinkedHashMap<>();
        for (ScannedJar jar : jars) {
            if (jar.bundle() == null) {
                continue;
            }
            winners.merge(jar.bundle().symbolicName(), jar,
                    (a, b) -> a.bundle().version().compareTo(b.bundle().version()) > 0 ? a : b);
        }
        return winners;
    }

    /** Symbolic names whose jar was overwritten by something unreadable: their running version stays. */
    private Set<String> namesOfUnreadableFormerBundles(List<ScannedJar> jars) {
        Set<String> names = new HashSet<>();
        for (ScannedJar jar : jars) {
            if (jar.bundle() == null && lastReadableName.containsKey(jar.file())) {
                names.add(lastReadableName.get(jar.file()));
            }
        }
        return names;
    }

    private void install(ScannedJar jar) {
        JarInspection.Bundle info = jar.bundle();
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(jar.file())) {
            Bundle bundle = context.installBundle(LOCATION_PREFIX + info.symbolicName(), in);
            installedFingerprint.put(info.symbolicName(), info.fingerprint());
            waitForNewFile.remove(info.symbolicName());
            startFailures.remove(info.symbolicName());
            LOG.log(Level.INFO, "installed " + describe(bundle) + " from " + jar.fileName() + " in "
                    + millisSince(start) + " ms");
        } catch (BundleException | IOException e) {
            startFailures.put(info.symbolicName(), "install failed: " + e.getMessage());
            LOG.log(Level.WARNING, "installing " + jar.fileName() + " failed: " + e.getMessage());
        }
    }

    private void update(Bundle bundle, ScannedJar jar) {
        JarInspection.Bundle info = jar.bundle();
        Version old = bundle.getVersion();
        long start = System.nanoTime();
        boolean wasActive = (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0;
        try (InputStream in = Files.newInputStream(jar.file())) {
            if (wasActive) {
                // Stopping first keeps update + refresh from restarting the bundle twice.
                bundle.stop(Bundle.STOP_TRANSIENT);
            }
            bundle.update(in);
            installedFingerprint.put(info.symbolicName(), info.fingerprint());
            waitForNewFile.remove(info.symbolicName());
            startFailures.remove(info.symbolicName());
            String verb = info.version().compareTo(old) > 0 ? "upgraded"
                    : info.version().compareTo(old) < 0 ? "downgraded" : "reloaded";
            LOG.log(info.version().compareTo(old) < 0 ? Level.WARNING : Level.INFO, verb + " "
                    + info.symbolicName() + " " + old + " -> " + info.version() + " from " + jar.fileName()
                    + " in " + millisSince(start) + " ms");
        } catch (BundleException | IOException e) {
            startFailures.put(info.symbolicName(), "update to " + info.version() + " failed: " + e.getMessage()
                    + "; " + old + " stays installed");
            LOG.log(Level.WARNING, "updating " + info.symbolicName() + " from " + jar.fileName() + " failed: "
                    + e.getMessage() + "; " + old + " stays installed");
        }
    }

    private void uninstall(Bundle bundle) {
        String name = bundle.getSymbolicName();
        String what = describe(bundle);
        removalNotifier.removing(bundle);
        try {
            bundle.uninstall();
            LOG.log(Level.INFO, "uninstalled " + what + ": its jar left " + directory);
        } catch (BundleException | IllegalStateException e) {
            LOG.log(Level.WARNING, "uninstalling " + what + " failed: " + e.getMessage());
        }
        installedFingerprint.remove(name);
        startFailures.remove(name);
        waitForNewFile.remove(name);
        disabled.remove(name);
    }

    /** Refreshes only the bundles an update or uninstall left with an old revision, and their dependants. */
    private void refreshPending() {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        var pending = wiring.getRemovalPendingBundles();
        if (pending.isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(pending, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(settings.refreshTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "package refresh did not finish within " + settings.refreshTimeout().toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startAll() {
        for (Map.Entry<String, Bundle> entry : managedBundles().entrySet()) {
            String name = entry.getKey();
            Bundle bundle = entry.getValue();
            if (isFragment(bundle)) {
                continue;
            }
            if (disabled.contains(name)) {
                stopQuietly(bundle);
                continue;
            }
            if (bundle.getState() == Bundle.ACTIVE || waitForNewFile.contains(name)) {
                continue;
            }
            try {
                bundle.start();
                if (startFailures.remove(name) != null) {
                    LOG.log(Level.INFO, "started " + describe(bundle) + " after earlier failure");
                }
            } catch (BundleException e) {
                String reason = reasonOf(e);
                if (e.getType() == BundleException.ACTIVATOR_ERROR) {
                    waitForNewFile.add(name); // running the activator again would fail the same way
                }
                if (!reason.equals(startFailures.put(name, reason))) {
                    LOG.log(Level.WARNING, "cannot start " + describe(bundle) + ": " + reason);
                }
            } catch (IllegalStateException e) {
                // uninstalled concurrently; the next reconcile sees the new state
            }
        }
    }

    private List<FolderEntry> describe(List<ScannedJar> jars, Map<String, ScannedJar> winners) {
        Map<String, Bundle> managed = managedBundles();
        List<FolderEntry> result = new ArrayList<>();
        for (ScannedJar jar : jars) {
            JarInspection.Bundle info = jar.bundle();
            if (info == null) {
                String reason = ((JarInspection.Unreadable) jar.inspection()).reason();
                String former = lastReadableName.get(jar.file());
                Bundle running = former == null ? null : managed.get(former);
                if (running != null) {
                    reason += "; " + describe(running) + " keeps running until a valid jar replaces it";
                }
                result.add(new FolderEntry(jar.fileName(), former, null, State.UNREADABLE,
                        running == null ? -1 : running.getBundleId(), reason));
                continue;
            }
            String name = info.symbolicName();
            ScannedJar winner = winners.get(name);
            if (winner != jar) {
                String why = winner.bundle().version().equals(info.version())
                        ? "conflict: " + winner.fileName() + " has the same symbolic name and version and runs instead"
                        : "conflict: " + winner.fileName() + " has the same symbolic name and a higher version ("
                                + winner.bundle().version() + "), which runs";
                result.add(new FolderEntry(jar.fileName(), name, info.version().toString(), State.SUPERSEDED, -1, why));
                continue;
            }
            Bundle bundle = managed.get(name);
            long id = bundle == null ? -1 : bundle.getBundleId();
            State state;
            String reason = "";
            if (bundle == null) {
                state = State.FAILED;
                reason = startFailures.getOrDefault(name, "not installed");
            } else if (disabled.contains(name)) {
                state = State.STOPPED;
                reason = "stopped by an operator (ext:start starts it)";
            } else if (bundle.getState() == Bundle.ACTIVE || (isFragment(bundle) && bundle.getState() == Bundle.RESOLVED)) {
                state = State.ACTIVE;
            } else {
                state = State.FAILED;
                reason = startFailures.getOrDefault(name, "not started (state " + bundle.getState() + ")");
            }
            result.add(new FolderEntry(jar.fileName(), name, info.version().toString(), state, id, reason));
        }
        return List.copyOf(result);
    }

    /** Logs each file's state once when it changes; young unreadable files are probably mid-copy. */
    private void reportChanges(List<ScannedJar> jars) {
        Map<String, FolderEntry> byFile = new HashMap<>();
        entries.forEach(e -> byFile.put(e.file(), e));
        long youngest = Long.MAX_VALUE;
        for (ScannedJar jar : jars) {
            FolderEntry entry = byFile.get(jar.fileName());
            if (entry.state() == State.UNREADABLE) {
                long age = ageMillis(jar.file());
                if (age < settings.reportUnreadableAfter().toMillis()) {
                    youngest = Math.min(youngest, settings.reportUnreadableAfter().toMillis() - age);
                    continue;
                }
            }
            State before = reportedStates.put(jar.fileName(), entry.state());
            if (entry.state() != before && entry.state() != State.ACTIVE && entry.state() != State.FAILED) {
                // an operator's stop is what they asked for, not a problem to warn about
                LOG.log(entry.state() == State.STOPPED ? Level.INFO : Level.WARNING, jar.fileName() + ": " + entry.reason());
            }
        }
        reportedStates.keySet().retainAll(byFile.keySet());
        if (youngest != Long.MAX_VALUE) {
            schedule(TimeUnit.MILLISECONDS.toNanos(youngest + 1));
        }
    }

    private Map<String, Bundle> managedBundles() {
        Map<String, Bundle> managed = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX) && bundle.getState() != Bundle.UNINSTALLED) {
                managed.put(bundle.getLocation().substring(LOCATION_PREFIX.length()), bundle);
            }
        }
        return managed;
    }

    private void stopQuietly(Bundle bundle) {
        if (bundle.getState() == Bundle.ACTIVE) {
            try {
                bundle.stop();
            } catch (BundleException e) {
                LOG.log(Level.WARNING, "stopping " + describe(bundle) + " failed: " + e.getMessage());
            }
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
    }

    private static String reasonOf(BundleException e) {
        Throwable cause = e.getCause();
        if (e.getType() == BundleException.ACTIVATOR_ERROR && cause != null) {
            return "its activator threw " + cause;
        }
        return e.getMessage();
    }

    private static String describe(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion() + " (bundle " + bundle.getBundleId() + ")";
    }

    private static long ageMillis(Path file) {
        try {
            return System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static <T> T await(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying the bundles folder", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("applying the bundles folder failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        removalNotifier.close();
    }
}
