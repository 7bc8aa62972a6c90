package org.paymenter.ext.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Felix shell as an operator gets it from {@code scripts/run} on a terminal: util-linux's {@code script}
 * gives the launcher a pseudo-terminal, and the test types at the prompt. This is real Gogo parsing the
 * lines and choosing among the commands' overloads, which the in-process shell tests do not go through.
 */
class InteractiveShellIT {

    private static final Path DIST = Path.of(System.getProperty("paymenter.dist", "target/paymenter-runtime"));
    private static final long START_TIMEOUT_S = 120; // the first start of a build trains the class-data archive
    private static final long ANSWER_TIMEOUT_S = 20;
    private static final String DISCORD = "discordnotifications";

    @TempDir
    Path work;

    private final StringBuffer output = new StringBuffer();

    @Test
    void commandsAnswerAtThePromptAndExitStopsTheRuntimeWithCodeZero() throws Exception {
        assumeTrue(new ProcessBuilder("script", "--version").start().waitFor() == 0, "util-linux script(1) is needed");
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        try (var jars = Files.list(DIST.resolve("extensions"))) {
            Path discord = jars.filter(j -> j.getFileName().toString().startsWith("discord")).findFirst().orElseThrow();
            Files.copy(discord, bundles.resolve(discord.getFileName()));
        }
        String launcher = "'" + DIST.resolve("bin/paymenter-runtime").toAbsolutePath() + "' --port 0 --data '"
                + work.resolve("data") + "' --bundles '" + bundles + "'";
        ProcessBuilder builder = new ProcessBuilder("script", "--quiet", "--flush", "--return", "--command", launcher,
                "/dev/null").redirectErrorStream(true);
        builder.environment().remove("PAYMENTER_ADMIN_TOKEN");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        Thread reader = copyOutput(process.getInputStream());
        OutputStream terminal = process.getOutputStream();
        try {
            await(out -> out.contains("Felix shell below") && out.endsWith("g! "), START_TIMEOUT_S);

            type(terminal, "ext:list");
            await(out -> out.matches("(?s).*others +" + DISCORD + " +\\S+ +ACTIVE.*g! $"), ANSWER_TIMEOUT_S);

            // one argument: Gogo must pick the one-argument form, not fail to coerce into the three-argument one
            type(terminal, "ext:config " + DISCORD);
            await(out -> out.contains("ext:config " + DISCORD + " <instance name>"), ANSWER_TIMEOUT_S);

            type(terminal, "exit");
            assertThat(process.waitFor(ANSWER_TIMEOUT_S, TimeUnit.SECONDS)).as("stopped after exit: %s", output).isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(ANSWER_TIMEOUT_S));
            assertThat(process.exitValue()).as(output.toString()).isZero();
            assertThat(output.toString()).doesNotContain("Exception", "error:");
        } finally {
            process.destroyForcibly();
        }
    }

    private static void type(OutputStream terminal, String line) throws IOException {
        terminal.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        terminal.flush();
    }

    private Thread copyOutput(InputStream in) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8).replace("\r", ""));
                }
            } catch (IOException e) {
                output.append("\n[reading the terminal failed: ").append(e).append(']');
            }
        }, "terminal-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void await(Predicate<String> condition, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.test(output.toString())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the terminal did not show what was expected within " + timeoutSeconds
                        + " s; it shows:\n" + output);
            }
            Thread.sleep(20);
        }
    }
}
