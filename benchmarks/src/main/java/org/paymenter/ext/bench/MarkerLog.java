package org.paymenter.ext.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.paymenter.ext.bench.probe.HotDeployProbe;

/**
 * Follows the probes' {@code markers.log} ({@code <event> <symbolic name> <version> <epochMicros>} lines).
 * The waits poll the file every millisecond; that costs the measurement nothing, because the times come
 * from the stamps in the file, not from when the driver noticed them.
 */
final class MarkerLog {

    record Event(String kind, String symbolicName, String version, long micros) {
    }

    private final Path file;
    private final List<Event> events = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private long position;

    /** Markers of the probes of a JVM started with {@code -Dbench.markers=<dir>}. */
    MarkerLog(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve(HotDeployProbe.MARKERS_FILE);
    }

    /** The JVM option that points the probes at this log. */
    String jvmOption() {
        return "-D" + HotDeployProbe.MARKERS_PROPERTY + "=" + file.getParent();
    }

    /** The first {@code kind} event of {@code bsn} {@code version} stamped at or after {@code sinceMicros}. */
    Event await(String kind, String bsn, String version, long sinceMicros, Duration timeout) throws IOException {
        return awaitAll(kind, List.of(bsn), version, sinceMicros, timeout).get(bsn);
    }

    /** For each of {@code bsns}, its first such event; fails naming the missing ones when time runs out. */
    Map<String, Event> awaitAll(String kind, Collection<String> bsns, String version, long sinceMicros,
            Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Event> found = new HashMap<>();
        int checked = 0;
        while (true) {
            read();
            for (; checked < events.size(); checked++) {
                Event e = events.get(checked);
                if (e.kind().equals(kind) && e.version().equals(version) && e.micros() >= sinceMicros
                        && bsns.contains(e.symbolicName())) {
                    found.putIfAbsent(e.symbolicName(), e);
                }
            }
            if (found.size() == bsns.size()) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                List<String> missing = bsns.stream().filter(b -> !found.containsKey(b)).toList();
                throw new IllegalStateException("no '" + kind + " " + version + "' marker within " + timeout.toMillis()
                        + " ms for " + missing + " (" + file + ")");
            }
            sleepMillis(1);
        }
    }

    /** Events of {@code bsn} stamped at or after {@code sinceMicros}, as read so far (for sanity checks). */
    List<Event> since(String bsn, long sinceMicros) throws IOException {
        read();
        return events.stream().filter(e -> e.symbolicName().equals(bsn) && e.micros() >= sinceMicros).toList();
    }

    private void read() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() <= position) {
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - position));
            position += channel.read(buffer, position);
            partial.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return;
        }
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String[] f = partial.substring(0, newline).trim().split(" ");
            partial.delete(0, newline + 1);
            if (f.length == 4) {
                events.add(new Event(f[0], f[1], f[2], Long.parseLong(f[3])));
            }
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
