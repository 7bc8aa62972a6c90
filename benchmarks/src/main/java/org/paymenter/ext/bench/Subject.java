package org.paymenter.ext.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A system under test of bench-hotdeploy: how to start it on a bundles folder and a data folder, and the
 * output line that says it is ready.
 *
 * @param name        for the table
 * @param readyPrefix start of the line printed when it is ready
 */
record Subject(String name, String readyPrefix, Starter starter) {

    interface Starter {
        JavaProcess start(Path bundles, Path data, MarkerLog markers, Path log) throws IOException;
    }

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Our runtime, from the assembled distribution, on an ephemeral admin port, started as {@code scripts/run}
     * starts it: through the distribution's launcher, with its JVM defaults and class-data archive (the
     * launcher makes the archive on its first start, which is a warm-up round of every benchmark).
     */
    static Subject runtime(Path dist) {
        return new Subject("runtime", "Paymenter runtime ready in", (bundles, data, markers, log) -> JavaProcess.startScript(
                "runtime", dist.resolve("bin/paymenter-runtime"), List.of(markers.jvmOption()),
                List.of("--port", "0", "--data", data.toString(), "--bundles", bundles.toString()), log));
    }

    /** Bare Felix 7.0.5 + SCR + FileInstall 3.7.4 polling every {@code pollMillis}. */
    static Subject peer(Path peerBundles, int pollMillis) {
        String classPath = benchmarksJar() + java.io.File.pathSeparator
                + benchmarksJar().resolveSibling("lib").resolve("org.apache.felix.framework.jar");
        return new Subject("felix+fileinstall(poll=" + pollMillis + ")", "peer ready in",
                (bundles, data, markers, log) -> JavaProcess.start("peer", List.of(markers.jvmOption()), classPath,
                        PeerFelix.class.getName(),
                        List.of(peerBundles.toString(), bundles.toString(), data.toString(), Integer.toString(pollMillis)),
                        log));
    }

    JavaProcess start(Path bundles, Path data, MarkerLog markers, Path log) throws IOException {
        return starter.start(bundles, data, markers, log);
    }

    /** The jar (or classes folder) this class was loaded from. */
    static Path benchmarksJar() {
        try {
            return Path.of(Subject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
