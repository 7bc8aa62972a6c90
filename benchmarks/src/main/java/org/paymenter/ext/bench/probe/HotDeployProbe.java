package org.paymenter.ext.bench.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The hot-deploy probe: a DS component registering a (no-op) {@link Runnable} service. On activate and
 * deactivate it appends {@code <event> <symbolic name> <version> <epochMicros>} to
 * {@code markers.log} in the folder named by the JVM system property {@value #MARKERS_PROPERTY}. The
 * stamp is the wall clock, taken first thing, so the driver can subtract its own clock from it.
 * Imports only {@code org.osgi.framework}: it runs in the runtime and in the bare Felix peer alike.
 */
@Component(immediate = true, service = Runnable.class)
public class HotDeployProbe implements Runnable {

    public static final String MARKERS_PROPERTY = "bench.markers";
    public static final String MARKERS_FILE = "markers.log";

    private String identity;

    @Activate
    void activate(BundleContext context) {
        long micros = nowMicros();
        identity = context.getBundle().getSymbolicName() + " " + context.getBundle().getVersion();
        mark("activate", micros);
    }

    @Deactivate
    void deactivate() {
        mark("deactivate", nowMicros());
    }

    @Override
    public void run() {
        // a service for the registry to see; never called
    }

    private void mark(String event, long micros) {
        String dir = System.getProperty(MARKERS_PROPERTY);
        if (dir == null) {
            return;
        }
        byte[] line = (event + " " + identity + " " + micros + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            // One small O_APPEND write: lines of bundles activating in parallel do not interleave.
            Files.write(Path.of(dir, MARKERS_FILE), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("probe: cannot write marker: " + e);
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
