package org.paymenter.ext.store.db;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.osgi.framework.Bundle;

/**
 * A bundle's migration scripts (the store's own or an extension's), read from the bundle's own entries. Flyway's class-path scanning
 * asks the bundle's class loader for the folder, which finds nothing in jars that have no folder entries
 * (bnd and plain {@code jar} tools may leave them out); the entries themselves are always there.
 */
final class BundleScripts implements ResourceProvider {

    private final Bundle bundle;
    private final String folder;

    BundleScripts(Bundle bundle, String folder) {
        this.bundle = bundle;
        this.folder = folder;
    }

    /** Each SQL script's file name and content. */
    Map<String, String> contents() {
        Map<String, String> contents = new HashMap<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            try (var in = url.openStream()) {
                contents.put(fileName(url), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
        }
        return contents;
    }

    private static String fileName(URL url) {
        return url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
    }

    @Override
    public LoadableResource getResource(String name) {
        URL url = bundle.getEntry(folder + "/" + name);
        return url == null ? null : new Script(folder, name, url);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> scripts = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, prefix + "*", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String name = fileName(url);
            if (Arrays.stream(suffixes).anyMatch(name::endsWith)) {
                scripts.add(new Script(folder, name, url));
            }
        }
        return scripts;
    }

    /** One script: its name is what Flyway reads the version and description from. */
    private static final class Script extends LoadableResource {

        private final String folder;
        private final String name;
        private final URL url;

        Script(String folder, String name, URL url) {
            this.folder = folder;
            this.name = name;
            this.url = url;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + url, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return folder + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return url.toString();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
