package org.paymenter.ext.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold starts of one subject: each round launches it on a folder holding the probe jar and, if asked,
 * also on an empty folder, and stops it with SIGTERM. Start is the driver's clock just before the process is
 * spawned; "ready" is when the driver reads the ready line; "probe activated" is the probe's own stamp.
 * The data folder is kept between launches (a restart; both subjects rebuild their bundle cache anyway).
 * One unmeasured launch of each kind first warms the page cache.
 */
final class ColdStartRounds {

    /** Milliseconds from spawn, and the RSS (MiB) once it serves, each one sample per measured round. */
    record Result(List<Double> readyEmpty, List<Double> readyWithProbe, List<Double> probeActivated, List<Double> rssMiB) {
    }

    private final Subject subject;
    private final Path work;
    private final Path probeJar;
    private final String servingPrefix;
    private final boolean emptyToo;

    /**
     * @param servingPrefix a line printed after the ready line once everything serves (the runtime's
     *                      "admin API:"), or null to take the RSS at the ready line
     * @param emptyToo      whether to launch on an empty folder too
     */
    ColdStartRounds(Subject subject, Path work, Path probeJar, String servingPrefix, boolean emptyToo) {
        this.subject = subject;
        this.work = work;
        this.probeJar = probeJar;
        this.servingPrefix = servingPrefix;
        this.emptyToo = emptyToo;
    }

    Result run(int rounds) throws IOException {
        Path empty = Files.createDirectories(work.resolve("bundles-empty"));
        Path withProbe = Files.createDirectories(work.resolve("bundles-probe"));
        Files.copy(probeJar, withProbe.resolve(HotDeployRounds.PROBE_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        MarkerLog markers = new MarkerLog(work.resolve("markers"));
        Result result = new Result(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int round = 0; round <= rounds; round++) {
            boolean measured = round > 0;
            if (emptyToo) {
                try (JavaProcess process = launch(empty, markers, round, "empty")) {
                    JavaProcess.Line ready = process.await(subject.readyPrefix(), Subject.START_TIMEOUT);
                    serving(process);
                    if (measured) {
                        result.readyEmpty().add(WallClock.millisBetween(process.startMicros(), ready.micros()));
                    }
                }
            }
            try (JavaProcess process = launch(withProbe, markers, round, "probe")) {
                JavaProcess.Line ready = process.await(subject.readyPrefix(), Subject.START_TIMEOUT);
                MarkerLog.Event activated = markers.await("activate", HotDeployRounds.PROBE, "1.0.0",
                        process.startMicros(), Subject.START_TIMEOUT);
                serving(process);
                if (measured) {
                    result.readyWithProbe().add(WallClock.millisBetween(process.startMicros(), ready.micros()));
                    result.probeActivated().add(WallClock.millisBetween(process.startMicros(), activated.micros()));
                    result.rssMiB().add(process.rssMiB());
                }
            }
        }
        return result;
    }

    private JavaProcess launch(Path bundles, MarkerLog markers, int round, String kind) throws IOException {
        return subject.start(bundles, work.resolve("data"), markers,
                work.resolve("logs").resolve(kind + "-" + round + ".log"));
    }

    private void serving(JavaProcess process) {
        if (servingPrefix != null) {
            process.await(servingPrefix, Duration.ofSeconds(30));
        }
    }
}
