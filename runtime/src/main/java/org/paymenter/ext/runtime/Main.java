package org.paymenter.ext.runtime;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.paymenter.ext.runtime.deploy.FolderEntry;

import sun.misc.Signal;

/**
 * {@code scripts/run}'s entry point. With a terminal it attaches the Gogo console; without one (stdin
 * not a TTY, as under systemd) it runs headless and serves until SIGTERM. Ctrl-C and SIGTERM stop the
 * framework in order and exit 0.
 *
 * <p>Distribution layout: {@code lib/boot} (framework and this launcher, the class path),
 * {@code lib/bundles} (system bundles), {@code lib/shell} (the console).
 */
public final class Main {

    static final String HOME_PROPERTY = "paymenter.home";
    /** Where Gogo looks for {@code etc/gosh_profile}: the distribution's, whose {@code exit} stops in order. */
    private static final String SHELL_HOME_PROPERTY = "gosh.home";
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILED = 1;
    private static final java.time.Duration ADMIN_API_WAIT = java.time.Duration.ofSeconds(10);

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        // Java 17: a console exists only when both stdin and stdout are terminals.
        boolean shell = System.console() != null;
        Path home = home();
        List<Path> bundles = new ArrayList<>(SystemBundles.inDirectory(home.resolve("lib/bundles")));
        RuntimeOptions options;
        try {
            options = RuntimeOptions.parse(args, bundles, shell);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        RunningRuntime runtime;
        try {
            runtime = Launcher.start(options);
        } catch (Exception e) {
            System.err.println("cannot start: " + e.getMessage());
            System.exit(EXIT_FAILED);
            return;
        }
        for (String signal : List.of("TERM", "INT")) {
            Signal.handle(new Signal(signal), s -> {
                out.println("stopping (SIG" + s.getName() + ")");
                runtime.close();
                System.exit(0);
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "runtime-shutdown"));
        out.println(readyLine(runtime));
        runtime.adminApi(ADMIN_API_WAIT).ifPresentOrElse(uri -> out.println("admin API: " + uri),
                () -> out.println("admin API: not running yet; the log says why if it does not start"));
        out.println(runtime.adminToken().describe());
        if (shell) {
            out.println("Felix shell below: try ext:list, ext:diag, help; 'exit' or Ctrl-C stops the runtime");
            if (System.getProperty(SHELL_HOME_PROPERTY) == null) {
                System.setProperty(SHELL_HOME_PROPERTY, home.toString());
            }
            runtime.attachShell(SystemBundles.inDirectory(home.resolve("lib/shell")));
        } else {
            out.println("no terminal: running headless until SIGTERM");
        }
        try {
            runtime.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.exit(0);
    }

    static String readyLine(RunningRuntime runtime) {
        List<FolderEntry> entries = runtime.folder().entries();
        long active = entries.stream().filter(FolderEntry::isRunning).count();
        RuntimeOptions o = runtime.options();
        String problems = active == entries.size() ? "" : " (ext:diag says why the others are not)";
        return "Paymenter runtime ready in " + runtime.startup().toMillis() + " ms: " + active + " of "
                + entries.size() + " jars in " + o.bundlesDir() + " active" + problems + "; data in " + o.dataDir()
                + "; logs in " + o.dataDir().resolve(Launcher.LOGS_DIR);
    }

    /** {@code -Dpaymenter.home}, else two levels above the jar this class came from ({@code lib/boot}). */
    private static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().getParent();
        } catch (URISyntaxException | NullPointerException e) {
            return Path.of(".");
        }
    }
}
