package org.paymenter.ext.runtime.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.Version;

/**
 * The folder's jars that were fully verified (every entry's CRC) by an earlier start, each with the
 * file identity it had then (file key, size, modification time: what the watcher already treats as "the
 * same file" within a run). A restart trusts an unchanged jar instead of inflating it again, which for a
 * large extension (stripe-java is 16 MB) is most of the folder's start; any change to the file is a new
 * identity and gets the full check. Kept in {@code <data>/folder-verified}; a damaged record is ignored.
 */
final class VerifiedJars {

    private static final System.Logger LOG = System.getLogger(VerifiedJars.class.getName());
    private static final String SEPARATOR = "\t";

    private record Entry(String identity, JarInspection.Bundle bundle) {
    }

    private final Path file;
    private final Map<String, Entry> byFileName = new TreeMap<>();
    private boolean changed;

    VerifiedJars(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            load();
        }
    }

    /** The earlier verification of {@code jar}, if the file is still the one verified then. */
    Optional<JarInspection.Bundle> lookup(Path jar, Object identity) {
        Entry entry = byFileName.get(jar.getFileName().toString());
        return entry != null && entry.identity().equals(String.valueOf(identity)) ? Optional.of(entry.bundle())
                : Optional.empty();
    }

    void remember(Path jar, Object identity, JarInspection.Bundle bundle) {
        Entry entry = new Entry(String.valueOf(identity), bundle);
        if (!entry.equals(byFileName.put(jar.getFileName().toString(), entry))) {
            changed = true;
        }
    }

    /** Forgets the jars no longer in the folder. */
    void retain(Set<Path> present) {
        Set<String> names = new java.util.HashSet<>();
        present.forEach(p -> names.add(p.getFileName().toString()));
        changed |= byFileName.keySet().retainAll(names);
    }

    /** Writes the record if it changed; a failure is logged (the next start then checks in full). */
    void saveIfChanged() {
        if (!changed) {
            return;
        }
        Properties properties = new Properties();
        byFileName.forEach((name, e) -> properties.setProperty(name, String.join(SEPARATOR, e.identity(),
                e.bundle().symbolicName(), e.bundle().version().toString(), Boolean.toString(e.bundle().fragment()),
                Long.toString(e.bundle().fingerprint()))));
        try {
            StringWriter text = new StringWriter();
            properties.store(text, "jars of the bundles folder verified in full; a changed file is checked again");
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
            changed = false;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write " + file + ": " + e.getMessage() + "; the next start checks every jar");
        }
    }

    private void load() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "ignoring " + file + " (" + e.getMessage() + "); every jar is checked in full");
            return;
        }
        for (String name : properties.stringPropertyNames()) {
            String[] parts = properties.getProperty(name).split(SEPARATOR, -1);
            try {
                byFileName.put(name, new Entry(parts[0], new JarInspection.Bundle(parts[1], Version.parseVersion(parts[2]),
                        Boolean.parseBoolean(parts[3]), Long.parseLong(parts[4]))));
            } catch (RuntimeException e) {
                changed = true; // a damaged line: that jar is checked in full and the record rewritten
            }
        }
    }

}
