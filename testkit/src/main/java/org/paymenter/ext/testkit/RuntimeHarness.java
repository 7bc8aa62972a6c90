package org.paymenter.ext.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.paymenter.ext.runtime.Launcher;
import org.paymenter.ext.runtime.RunningRuntime;
import org.paymenter.ext.runtime.RuntimeOptions;
import org.paymenter.ext.runtime.SystemBundles;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.deploy.FolderEntry;

/**
 * The real runtime, booted in-process by the production {@link Launcher} on {@code <workDir>/bundles} and
 * {@code <workDir>/data}, with the system bundles taken from the test class path. Tests act on it the way
 * an operator does (files in the folder, {@code ext:*} commands) and observe it through the framework.
 *
 * <p>Services come from bundles with their own copy of the api classes: look at them through service
 * properties or reflection, never cast them to an api type.
 */
public final class RuntimeHarness implements AutoCloseable {

    private static final String FOLDER_LOCATION = "folder:";

    private final Path workDir;
    private final RuntimeOptions options;
    private RunningRuntime runtime;

    private RuntimeHarness(Path workDir, RuntimeOptions options, RunningRuntime runtime) {
        this.workDir = workDir;
        this.options = options;
        this.runtime = runtime;
    }

    /** Boots a runtime on {@code workDir}; returns once what is already in its bundles folder runs. */
    public static RuntimeHarness start(Path workDir) {
        return start(workDir, UnaryOperator.identity());
    }

    /**
     * Boots a runtime on {@code workDir} with options adjusted by {@code adjust}, e.g.
     * {@code o -> o.withPanelCallback(url).withDatabase(jdbcUrl)}.
     */
    public static RuntimeHarness start(Path workDir, UnaryOperator<RuntimeOptions> adjust) {
        Path dir = workDir.toAbsolutePath();
        List<Path> system = SystemBundles.onClassPath(System.getProperty("java.class.path"), Set.of());
        RuntimeOptions options = adjust.apply(new RuntimeOptions(0, "127.0.0.1", dir.resolve("bundles"),
                dir.resolve("data"), system, false));
        return new RuntimeHarness(dir, options, launch(options));
    }

    private static RunningRuntime launch(RuntimeOptions options) {
        try {
            return Launcher.start(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BundleException e) {
            throw new IllegalStateException("the runtime did not start: " + e.getMessage(), e);
        }
    }

    public Path workDir() {
        return workDir;
    }

    public Path bundlesDir() {
        return options.bundlesDir();
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** A folder outside the watched one for jars a test builds before deploying them. */
    public Path scratchDir() {
        Path scratch = workDir.resolve("scratch");
        try {
            return Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RunningRuntime runtime() {
        return runtime;
    }

    /** The system bundle's context. */
    public BundleContext context() {
        return runtime.framework().getBundleContext();
    }

    public BundleFolder folder() {
        return runtime.folder();
    }

    /** Stops the runtime and boots a new one on the same folders (what a service restart does). */
    public void restart() {
        runtime.close();
        runtime = launch(options);
    }

    // --- the folder, as an operator uses it -------------------------------------------------------

    /** Deploys {@code jar} under its own file name; see {@link #deployAs}. */
    public Path deploy(Path jar) {
        return deployAs(jar, jar.getFileName().toString());
    }

    /**
     * The deployment contract: write a hidden temp file in the folder, then rename it into place
     * atomically, so the watcher never sees a partial jar. Replaces a file of that name.
     */
    public Path deployAs(Path jar, String fileName) {
        Path temp = stage(jar, fileName);
        return moveIntoPlace(temp, fileName);
    }

    /**
     * Deletes {@code oldFileName} and renames {@code jar} in as {@code newFileName} right after it, with the
     * copy made beforehand: the "{@code x-1.0.0.jar} deleted and {@code x-1.1.0.jar} added in the same
     * moment" of an operator's {@code rm && mv}.
     */
    public Path swap(String oldFileName, Path jar, String newFileName) {
        Path temp = stage(jar, newFileName);
        remove(oldFileName);
        return moveIntoPlace(temp, newFileName);
    }

    public void remove(String fileName) {
        try {
            Files.delete(bundlesDir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the folder and waits until every bundle it had installed is gone (between tests). */
    public void removeAll() {
        try (Stream<Path> files = Files.list(bundlesDir())) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Poll.untilTrue("an empty bundles folder", Poll.DEFAULT_TIMEOUT,
                () -> folder().entries().isEmpty() && folderBundles().isEmpty(),
                () -> "entries " + folder().entries() + ", bundles " + folderBundles());
    }

    private Path stage(Path jar, String fileName) {
        Path temp = bundlesDir().resolve("." + fileName + ".tmp");
        try {
            return Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path moveIntoPlace(Path temp, String fileName) {
        try {
            return Files.move(temp, bundlesDir().resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- observing --------------------------------------------------------------------------------

    /** Records bundle events from now on; close it when done. */
    public BundleEventLog recordBundleEvents() {
        return new BundleEventLog(context());
    }

    /** The bundle of that symbolic name (the last installed, should there be several). */
    public Optional<Bundle> bundle(String symbolicName) {
        Bundle found = null;
        for (Bundle b : context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                found = b;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The bundles the folder installed. */
    public List<Bundle> folderBundles() {
        return Arrays.stream(context().getBundles()).filter(b -> b.getLocation().startsWith(FOLDER_LOCATION)).toList();
    }

    /** The folder entry of that file name, as the deployer last reported it. */
    public Optional<FolderEntry> entry(String fileName) {
        return folder().entries().stream().filter(e -> e.file().equals(fileName)).findFirst();
    }

    /**
     * Waits for a service.
     *
     * @param objectClass the interface name, or null for any
     * @param filter      an LDAP filter, or null
     */
    public ServiceReference<?> awaitService(String objectClass, String filter, Duration timeout) {
        return Poll.until("a service " + describe(objectClass, filter), timeout,
                () -> services(objectClass, filter).stream().findFirst(),
                () -> "no such service among " + context().getBundles().length + " bundles");
    }

    public ServiceReference<?> awaitService(String objectClass, String filter) {
        return awaitService(objectClass, filter, Poll.DEFAULT_TIMEOUT);
    }

    public void awaitNoService(String objectClass, String filter, Duration timeout) {
        Poll.untilTrue("no service " + describe(objectClass, filter), timeout,
                () -> services(objectClass, filter).isEmpty(),
                () -> "still registered by " + services(objectClass, filter).stream()
                        .map(r -> r.getBundle().getSymbolicName() + " " + r.getBundle().getVersion()).toList());
    }

    public void awaitNoService(String objectClass, String filter) {
        awaitNoService(objectClass, filter, Poll.DEFAULT_TIMEOUT);
    }

    /** Every service of that class and filter; no class-space check, since the test sees other copies of the api. */
    public List<ServiceReference<?>> services(String objectClass, String filter) {
        try {
            ServiceReference<?>[] refs = context().getAllServiceReferences(objectClass, filter);
            return refs == null ? List.of() : List.of(refs);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad filter " + filter + ": " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            return List.of(); // the framework is stopping
        }
    }

    /** Waits until the bundle of that name is in one of {@code states} (a {@link Bundle} state mask). */
    public Bundle awaitBundleState(String symbolicName, int states, Duration timeout) {
        return Poll.until(symbolicName + " in state mask " + states, timeout,
                () -> bundle(symbolicName).filter(b -> (b.getState() & states) != 0),
                () -> bundle(symbolicName).map(b -> "state " + b.getState() + ", version " + b.getVersion())
                        .orElse("not installed"));
    }

    public Bundle awaitBundleState(String symbolicName, int states) {
        return awaitBundleState(symbolicName, states, Poll.DEFAULT_TIMEOUT);
    }

    /** Waits until the folder entry of {@code fileName} exists and satisfies {@code condition}. */
    public FolderEntry awaitEntry(String fileName, Predicate<FolderEntry> condition, Duration timeout) {
        return Poll.until("folder entry " + fileName + " to match", timeout,
                () -> entry(fileName).filter(condition), () -> String.valueOf(folder().entries()));
    }

    public FolderEntry awaitEntry(String fileName, Predicate<FolderEntry> condition) {
        return awaitEntry(fileName, condition, Poll.DEFAULT_TIMEOUT);
    }

    public FolderEntry awaitEntry(String fileName, FolderEntry.State state) {
        return awaitEntry(fileName, e -> e.state() == state);
    }

    // --- the shell --------------------------------------------------------------------------------

    /**
     * Runs {@code ext:<command> args...} and returns what it printed. Arguments are passed as the shell
     * would pass words (a {@link Path} becomes its text); an exception the command throws is rethrown.
     */
    public String shell(String command, Object... args) {
        return ExtCommands.call(this, Poll.DEFAULT_TIMEOUT, command, args);
    }

    /**
     * Runs {@code ext:<command>} until its output satisfies {@code condition}, for what the core learns
     * from service events a moment after the framework shows them.
     */
    public String awaitShell(Predicate<String> condition, String command, Object... args) {
        String[] last = { "" };
        return Poll.until("ext:" + command + " output to match", Poll.DEFAULT_TIMEOUT, () -> {
            last[0] = shell(command, args);
            return condition.test(last[0]) ? Optional.of(last[0]) : Optional.empty();
        }, () -> "\n" + last[0]);
    }

    /** The first line of {@code output} that contains {@code needle}, or "" when none does. */
    public static String lineWith(String output, String needle) {
        return output.lines().filter(l -> l.contains(needle)).findFirst().orElse("");
    }

    private static String describe(String objectClass, String filter) {
        return (objectClass == null ? "" : objectClass) + (filter == null ? "" : " " + filter);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
