package org.paymenter.ext.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM (the runtime, the peer, the bare Jetty, a load generator): started with the driver's own
 * {@code java} and the {@code JAVA_OPTS} of the environment, no terminal (so the runtime runs headless),
 * stdout and stderr merged into a log file. Every output line is stamped with the wall clock when read,
 * so "process start → ready line" is measured by the driver's clock on both ends.
 */
final class JavaProcess implements AutoCloseable {

    /** One line of output and when the driver read it. */
    record Line(long micros, String text) {
    }

    private final String name;
    private final Process process;
    private final long startMicros;
    private final Path log;
    private final List<Line> lines = new ArrayList<>();
    private boolean ended; // guarded by lines

    private JavaProcess(String name, Process process, long startMicros, Path log) {
        this.name = name;
        this.process = process;
        this.startMicros = startMicros;
        this.log = log;
        Thread reader = new Thread(this::readOutput, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java [JAVA_OPTS] [jvmArgs] -cp classPath mainClass args}, its output going to {@code log}. */
    static JavaProcess start(String name, List<String> jvmArgs, String classPath, String mainClass, List<String> args,
            Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOpts());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        return spawn(name, new ProcessBuilder(command), log);
    }

    /**
     * Starts a launcher script that execs the JVM (the distribution's {@code bin/paymenter-runtime}, as
     * {@code scripts/run} does), with {@code JAVA_OPTS} then {@code jvmArgs} in its {@code JAVA_OPTS} and the
     * driver's own JDK as {@code JAVA_HOME}.
     */
    static JavaProcess startScript(String name, Path script, List<String> jvmArgs, List<String> args, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        List<String> options = new ArrayList<>(javaOpts());
        options.addAll(jvmArgs);
        builder.environment().put("JAVA_OPTS", String.join(" ", options));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return spawn(name, builder, log);
    }

    private static JavaProcess spawn(String name, ProcessBuilder builder, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().remove("PAYMENTER_ADMIN_TOKEN"); // the token is the one in <data>/admin-token
        long start = WallClock.micros();
        Process process = builder.start();
        return new JavaProcess(name, process, start, log);
    }

    static List<String> javaOpts() {
        String opts = System.getenv("JAVA_OPTS");
        return opts == null || opts.isBlank() ? List.of() : Arrays.asList(opts.trim().split("\\s+"));
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String text;
            while ((text = in.readLine()) != null) {
                long micros = WallClock.micros();
                synchronized (lines) {
                    lines.add(new Line(micros, text));
                    lines.notifyAll();
                }
                out.write(text);
                out.write('\n');
                out.flush();
            }
        } catch (IOException e) {
            // the process went away; await() reports it
        } finally {
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }

    /** The first line starting with {@code prefix}; fails if the process exits or the time runs out first. */
    Line await(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (Line line : lines) {
                    if (line.text().startsWith(prefix)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new IllegalStateException(name + ": no line starting '" + prefix + "' "
                            + (ended ? "before its output ended" : "within " + timeout.toSeconds() + " s") + "; see " + log);
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
    }

    long startMicros() {
        return startMicros;
    }

    /** The resident set size now, from {@code /proc/<pid>/status} (VmRSS), in MiB. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end on its own (a load generator) and returns its exit code. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
        }
        return process.exitValue();
    }

    /** SIGTERM, then SIGKILL if it has not exited after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
