package org.paymenter.ext.bench;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Install, upgrade and removal rounds, then twenty-jars-at-once rounds, on one running subject.
 * <ul>
 * <li>A jar is copied into a staging folder beside the bundles folder (same file system, fresh mtime),
 * then, after a random pause of 100–200 ms (which also randomises the phase against a poller), the
 * driver reads its clock and renames it in with {@code ATOMIC_MOVE}.</li>
 * <li>install: mv of {@code bench.probe} 1.0.0 → its activate stamp; upgrade: mv of 1.0.1 over the same
 * file → the 1.0.1 activate stamp; gap: 1.0.0 deactivate → 1.0.1 activate; removal: rm → the 1.0.1
 * deactivate stamp.</li>
 * <li>The first round of each kind is a warm-up and not counted. Every counted sample also goes to
 * {@code samples.csv} in the work folder, with both clock readings, to line up with the subject's log.</li>
 * </ul>
 */
final class HotDeployRounds {

    static final String PROBE = "bench.probe";
    static final String PROBE_FILE = PROBE + ".jar";
    /** Every measured sample: {@code what,fromEpochMicros,toEpochMicros,millis}. */
    static final String SAMPLES_FILE = "samples.csv";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The probe in two versions and the twenty bulk probes ({@code bench.bulkNN} 1.0.0). */
    record Jars(Path probe100, Path probe101, List<Path> bulk) {
    }

    /** Samples in ms; RSS in MiB; events counts the probe's markers (4 per cycle when nothing restarts twice). */
    record Result(List<Double> install, List<Double> upgrade, List<Double> gap, List<Double> removal,
            List<Double> bulkInstall, List<Double> bulkRemoval, double rssIdleMiB, double rssAfterMiB,
            int probeEvents, int expectedProbeEvents) {
    }

    private final Subject subject;
    private final Path work;
    private final Jars jars;
    private final String servingPrefix;
    private final Random random = new Random(20261203);
    private Path bundles;
    private Path staging;
    private MarkerLog markers;

    HotDeployRounds(Subject subject, Path work, Jars jars, String servingPrefix) {
        this.subject = subject;
        this.work = work;
        this.jars = jars;
        this.servingPrefix = servingPrefix;
    }

    Result run(int rounds) throws IOException {
        deleteTree(work);
        bundles = Files.createDirectories(work.resolve("bundles"));
        staging = Files.createDirectories(work.resolve("staging"));
        markers = new MarkerLog(work.resolve("markers"));
        Result r = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), 0, 0, 0, 0);
        try (JavaProcess process = subject.start(bundles, work.resolve("data"), markers, work.resolve("run.log"))) {
            process.await(subject.readyPrefix(), Subject.START_TIMEOUT);
            if (servingPrefix != null) {
                process.await(servingPrefix, Subject.START_TIMEOUT);
            }
            MarkerLog.sleepMillis(1000);
            double rssIdle = process.rssMiB();
            long sessionStart = WallClock.micros();
            for (int round = 0; round <= rounds; round++) {
                cycle(round > 0 ? r : null);
            }
            for (int round = 0; round <= rounds; round++) {
                bulk(round > 0 ? r : null);
            }
            int events = markers.since(PROBE, sessionStart).size();
            return new Result(r.install(), r.upgrade(), r.gap(), r.removal(), r.bulkInstall(), r.bulkRemoval(),
                    rssIdle, process.rssMiB(), events, 4 * (rounds + 1));
        }
    }

    /** One install, upgrade, removal; records into {@code r} unless it is null (warm-up). */
    private void cycle(Result r) throws IOException {
        Path target = bundles.resolve(PROBE_FILE);
        stage(jars.probe100(), PROBE_FILE);
        long t = moveIn(PROBE_FILE);
        MarkerLog.Event installed = markers.await("activate", PROBE, "1.0.0", t, TIMEOUT);

        stage(jars.probe101(), PROBE_FILE);
        long u = moveIn(PROBE_FILE);
        MarkerLog.Event upgraded = markers.await("activate", PROBE, "1.0.1", u, TIMEOUT);
        MarkerLog.Event stopped = markers.await("deactivate", PROBE, "1.0.0", u, TIMEOUT);

        pause();
        long d = WallClock.micros();
        Files.delete(target);
        MarkerLog.Event removed = markers.await("deactivate", PROBE, "1.0.1", d, TIMEOUT);
        if (r != null) {
            sample(r.install(), "install", t, installed.micros());
            sample(r.upgrade(), "upgrade", u, upgraded.micros());
            sample(r.gap(), "gap", stopped.micros(), upgraded.micros());
            sample(r.removal(), "removal", d, removed.micros());
        }
        pause();
    }

    /** Twenty different probes renamed in back to back → all activated; then all deleted → all deactivated. */
    private void bulk(Result r) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path jar : jars.bulk()) {
            String bsn = jar.getFileName().toString().replaceFirst("-[0-9.]+\\.jar$", "");
            names.add(bsn);
            stage(jar, bsn + ".jar");
        }
        pause();
        long t = WallClock.micros();
        for (String name : names) {
            Files.move(staging.resolve(name + ".jar"), bundles.resolve(name + ".jar"), ATOMIC_MOVE);
        }
        Map<String, MarkerLog.Event> started = markers.awaitAll("activate", names, "1.0.0", t, TIMEOUT);
        pause();
        long d = WallClock.micros();
        for (String name : names) {
            Files.delete(bundles.resolve(name + ".jar"));
        }
        Map<String, MarkerLog.Event> stopped = markers.awaitAll("deactivate", names, "1.0.0", d, TIMEOUT);
        if (r != null) {
            sample(r.bulkInstall(), "bulk-install", t, latest(started));
            sample(r.bulkRemoval(), "bulk-removal", d, latest(stopped));
        }
        pause();
    }

    /** Adds a sample in ms and writes it, with both wall-clock ends, to {@code samples.csv}. */
    private void sample(List<Double> into, String what, long fromMicros, long toMicros) throws IOException {
        double millis = WallClock.millisBetween(fromMicros, toMicros);
        into.add(millis);
        Files.writeString(work.resolve(SAMPLES_FILE), what + "," + fromMicros + "," + toMicros + "," + millis + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void stage(Path jar, String fileName) throws IOException {
        Files.copy(jar, staging.resolve(fileName), REPLACE_EXISTING); // a fresh mtime, as a real copy has
    }

    /** Pause, read the clock, rename the staged file in (replacing one of the same name). */
    private long moveIn(String fileName) throws IOException {
        pause();
        long t = WallClock.micros();
        Files.move(staging.resolve(fileName), bundles.resolve(fileName), ATOMIC_MOVE);
        return t;
    }

    private void pause() {
        MarkerLog.sleepMillis(100 + random.nextInt(101));
    }

    private static long latest(Map<String, MarkerLog.Event> events) {
        return events.values().stream().mapToLong(MarkerLog.Event::micros).max().orElseThrow();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
