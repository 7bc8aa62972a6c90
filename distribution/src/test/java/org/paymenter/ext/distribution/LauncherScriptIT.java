package org.paymenter.ext.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher, {@code bin/paymenter-runtime} (what {@code scripts/run} execs): its first
 * start trains a class-data archive, later starts map their classes from it, and it can be switched off.
 */
class LauncherScriptIT {

    private static final Path DIST = Path.of(System.getProperty("paymenter.dist", "target/paymenter-runtime"));
    private static final long START_TIMEOUT_S = 120;
    private static final String TRAINING = "preparing the class-data archive";

    @TempDir
    Path work;

    @Test
    void firstStartTrainsAnArchiveThatTheNextStartLoadsItsClassesFrom() throws Exception {
        Path cds = work.resolve("cds");

        List<String> first = runUntilServing(Map.of("PAYMENTER_CDS_DIR", cds.toString()));
        assertThat(first).anyMatch(l -> l.startsWith(TRAINING));
        assertThat(archives(cds)).hasSize(1);

        List<String> second = runUntilServing(Map.of("PAYMENTER_CDS_DIR", cds.toString(),
                "JAVA_OPTS", "-Xlog:class+load=info"));
        assertThat(second).noneMatch(l -> l.startsWith(TRAINING));
        assertThat(second).anyMatch(l -> l.endsWith("org.paymenter.ext.runtime.Main source: shared objects file (top)"));
        assertThat(archives(cds)).hasSize(1);
    }

    @Test
    void cdsOffStartsWithoutTrainingOrArchive() throws Exception {
        Path cds = work.resolve("cds-off");

        List<String> output = runUntilServing(Map.of("PAYMENTER_CDS_DIR", cds.toString(), "PAYMENTER_CDS", "off"));

        assertThat(output).noneMatch(l -> l.startsWith(TRAINING));
        assertThat(cds).doesNotExist();
    }

    @Test
    void anArchiveFolderThatCannotBeWrittenIsNamedAndTheRuntimeStartsAnyway() throws Exception {
        Path notAFolder = Files.writeString(work.resolve("cds-is-a-file"), "");

        List<String> output = runUntilServing(Map.of("PAYMENTER_CDS_DIR", notAFolder.toString()));

        assertThat(output).noneMatch(l -> l.startsWith(TRAINING));
        assertThat(output).anyMatch(l -> l.startsWith("note: starting without a class-data archive")
                && l.contains(notAFolder.toString()));
    }

    /** Starts the launcher headless on a fresh folder, reads its output until it serves, stops it with SIGTERM. */
    private List<String> runUntilServing(Map<String, String> environment) throws Exception {
        Path run = Files.createTempDirectory(work, "run");
        ProcessBuilder builder = new ProcessBuilder("bash", DIST.resolve("bin/paymenter-runtime").toString(),
                "--port", "0", "--data", run.resolve("data").toString(), "--bundles", run.resolve("bundles").toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("PAYMENTER_ADMIN_TOKEN");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> seen = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                seen.add(line);
                if (line.startsWith("no terminal")) {
                    break;
                }
            }
            assertThat(seen).as("output").anyMatch(l -> l.startsWith("Paymenter runtime ready in"));
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(process.exitValue()).isZero();
        return seen;
    }

    private static List<Path> archives(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
