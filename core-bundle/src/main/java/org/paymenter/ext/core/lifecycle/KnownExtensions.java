package org.paymenter.ext.core.lifecycle;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.core.api.KnownExtension;
import org.paymenter.ext.core.files.AtomicWrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The extensions the host has seen, their versions and bundles, in {@code <data>/extensions.json}
 * ({@code {"servers/proxmox": {"version": "1.2.0", "bundle": "org.example.proxmox"}}}), so that a restart
 * is not mistaken for an install and a stopped extension can still be found by name. The version recorded
 * is {@code metadata().version()}, not the bundle version: it is the version admins see and the one
 * {@code upgraded(oldVersion)} is documented to receive, and a bundle may be rebuilt without the extension
 * changing.
 */
final class KnownExtensions {

    static final String FILE_NAME = "extensions.json";
    private static final String VERSION = "version";
    private static final String BUNDLE = "bundle";
    private static final System.Logger LOG = System.getLogger(KnownExtensions.class.getName());

    private record Entry(String version, String bundle) {
    }

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Entry> entries = new TreeMap<>();
    /** {@link #list()} as of the last change; the same list object until something changes. */
    private List<KnownExtension> listed;

    KnownExtensions(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            try {
                mapper.readTree(file.toFile()).fields().forEachRemaining(f -> entries.put(f.getKey(), entry(f.getValue())));
            } catch (IOException e) {
                // Starting empty means installed() runs again for each extension: better than not starting.
                LOG.log(Level.ERROR, "cannot read {0} ({1}); every running extension will be treated as newly "
                        + "installed", file, e.getMessage());
            }
        }
    }

    /** Reads both shapes: the current object, and the plain version string of earlier releases. */
    private static Entry entry(JsonNode node) {
        return node.isTextual() ? new Entry(node.asText(), "") : new Entry(node.path(VERSION).asText(""),
                node.path(BUNDLE).asText(""));
    }

    synchronized Optional<String> version(String path) {
        return Optional.ofNullable(entries.get(path)).map(Entry::version);
    }

    synchronized void record(String path, String version, String bundle) {
        if (!new Entry(version, bundle).equals(entries.put(path, new Entry(version, bundle)))) {
            save();
        }
    }

    synchronized void forget(String path) {
        if (entries.remove(path) != null) {
            save();
        }
    }

    synchronized List<KnownExtension> list() {
        if (listed != null) {
            return listed;
        }
        List<KnownExtension> known = new ArrayList<>();
        entries.forEach((path, entry) -> {
            int slash = path.indexOf('/');
            Category.fromPath(path.substring(0, Math.max(slash, 0))).ifPresent(category -> known.add(
                    new KnownExtension(category, path.substring(slash + 1), entry.version(), entry.bundle())));
        });
        listed = List.copyOf(known);
        return listed;
    }

    /** Every change goes through here, so it also drops the cached list. A failed write is logged, not thrown: the hooks already ran, and the next change writes again. */
    private void save() {
        listed = null;
        Map<String, Map<String, String>> shape = new TreeMap<>();
        entries.forEach((path, entry) -> shape.put(path, Map.of(VERSION, entry.version(), BUNDLE, entry.bundle())));
        try {
            AtomicWrite.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(shape));
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot write " + file + "; lifecycle hooks may run again after a restart", e);
        }
    }
}
