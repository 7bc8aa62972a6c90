package org.paymenter.ext.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the assembled distribution as {@code scripts/run} does (its launcher), without a terminal, as systemd would. */
class HeadlessRunIT {

    private static final Path DIST = Path.of(System.getProperty("paymenter.dist", "target/paymenter-runtime"));
    private static final long START_TIMEOUT_S = 120; // the first start of a build trains the class-data archive

    @TempDir
    Path work;

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", DIST.resolve("bin/paymenter-runtime").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("PAYMENTER_ADMIN_TOKEN");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    @Test
    void runsHeadlessUntilSigtermThenExitsZero() throws Exception {
        Process process = launch("--port", "0", "--data", "data", "--bundles", "bundles");
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            seen.add(line);
            if (line.startsWith("no terminal")) {
                break;
            }
        }
        assertThat(seen).anyMatch(l -> l.startsWith("Paymenter runtime ready in"));
        assertThat(process.isAlive()).as("still serving after the ready line: %s", seen).isTrue();

        Path token = work.resolve("data/admin-token");
        assertThat(token).exists();
        assertThat(Files.getPosixFilePermissions(token)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String secret = Files.readString(token).trim();
        assertThat(seen).noneMatch(l -> l.contains(secret));
        assertThat(work.resolve("data/logs/runtime.0.log")).exists();

        Thread.sleep(500); // headless must keep serving, not stop at stdin EOF (pitfall P4)
        assertThat(process.isAlive()).isTrue();

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void unknownOptionPrintsUsageAndExitsTwo() throws Exception {
        Process process = launch("--prot", "80");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown option '--prot'").contains("usage: scripts/run");
    }
}
