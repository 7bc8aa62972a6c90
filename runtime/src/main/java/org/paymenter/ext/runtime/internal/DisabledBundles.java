package org.paymenter.ext.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The symbolic names an operator stopped ({@code ext:stop}); kept in a file so that a stopped bundle stays
 * stopped across restarts, while its jar stays in the folder.
 */
final class DisabledBundles {

    private final Path file;
    private final Set<String> names = new TreeSet<>();

    DisabledBundles(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim)
                        .filter(s -> !s.isEmpty() && !s.startsWith("#")).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    synchronized boolean contains(String symbolicName) {
        return names.contains(symbolicName);
    }

    synchronized void add(String symbolicName) {
        if (names.add(symbolicName)) {
            save();
        }
    }

    synchronized void remove(String symbolicName) {
        if (names.remove(symbolicName)) {
            save();
        }
    }

    private void save() {
        String content = "# bundles stopped with ext:stop; ext:start removes a line\n" + String.join("\n", names) + "\n";
        try {
            AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
