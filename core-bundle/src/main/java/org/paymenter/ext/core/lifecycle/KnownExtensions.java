package org.paymenter.ext.core.lifecycle;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.paymenter.ext.core.files.AtomicWrite;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The extensions the host has seen and their versions, in {@code <data>/extensions.json}
 * ({@code {"servers/proxmox": "1.2.0"}}), so that a restart is not mistaken for an install. The version
 * recorded is {@code metadata().version()}, not the bundle version: it is the version admins see and the one
 * {@code upgraded(oldVersion)} is documented to receive, and a bundle may be rebuilt without the extension
 * changing.
 */
final class KnownExtensions {

    static final String FILE_NAME = "extensions.json";
    private static final TypeReference<Map<String, String>> SHAPE = new TypeReference<>() { };
    private static final System.Logger LOG = System.getLogger(KnownExtensions.class.getName());

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, String> versions = new TreeMap<>();

    KnownExtensions(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            try {
                versions.putAll(mapper.readValue(file.toFile(), SHAPE));
            } catch (IOException e) {
                // Starting empty means installed() runs again for each extension: better than not starting.
                LOG.log(Level.ERROR, "cannot read {0} ({1}); every running extension will be treated as newly "
                        + "installed", file, e.getMessage());
            }
        }
    }

    synchronized Optional<String> version(String path) {
        return Optional.ofNullable(versions.get(path));
    }

    synchronized void record(String path, String version) {
        if (!version.equals(versions.put(path, version))) {
            save();
        }
    }

    synchronized void forget(String path) {
        if (versions.remove(path) != null) {
            save();
        }
    }

    /** A failed write is logged, not thrown: the hooks already ran, and the next change writes again. */
    private void save() {
        try {
            AtomicWrite.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(versions));
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot write " + file + "; lifecycle hooks may run again after a restart", e);
        }
    }
}
