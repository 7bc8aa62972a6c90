package org.paymenter.ext.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

/**
 * The bundles the runtime cannot work without, installed before the folder. The distribution ships them
 * in {@code lib/bundles}; tests take them from their class path. Either way the launcher checks that none
 * is missing, so an incomplete distribution fails at start with the names, not later with a resolver
 * error.
 */
public final class SystemBundles {

    /**
     * Symbolic names of the required bundles (SCR needs its three API bundles beside it: pitfall P1; the
     * store needs both database drivers, the pool, and Flyway with the fragment that wires it to gson).
     */
    public static final Set<String> REQUIRED = Set.of(
            "org.apache.felix.scr", "org.osgi.service.component", "org.osgi.util.promise", "org.osgi.util.function",
            "org.apache.felix.configadmin", "org.apache.felix.eventadmin", "org.apache.felix.log",
            "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command",
            "com.fasterxml.jackson.core.jackson-core", "com.fasterxml.jackson.core.jackson-databind",
            "com.fasterxml.jackson.core.jackson-annotations",
            "com.h2database", "org.postgresql.jdbc", "com.zaxxer.HikariCP", "org.flywaydb.core",
            "org.paymenter.ext.flyway.wiring", "com.google.gson",
            "org.paymenter.ext.api", "org.paymenter.ext.core", "org.paymenter.ext.store", "org.paymenter.ext.http");

    /**
     * Started first, in this order; the others follow in name order. SCR starts before the bundles with
     * components, so each bundle's components come up as that bundle starts rather than all at once when
     * SCR does; then the store, whose database and migrations open on a thread of their own, so that work
     * runs beside the start of everything else (it is the longest part of the start: ~80 ms sooner ready).
     */
    static final List<String> START_FIRST = List.of(
            "org.apache.felix.eventadmin", "org.apache.felix.configadmin", "org.apache.felix.log",
            "org.apache.felix.scr", "org.paymenter.ext.store");

    /** The interactive console; installed only when a terminal is attached (pitfall P4). */
    public static final String SHELL = "org.apache.felix.gogo.shell";

    private SystemBundles() {
    }

    /** Every jar in {@code dir}, sorted by name. */
    public static List<Path> inDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars on {@code classPath} whose symbolic name is required (or is one of {@code extra}). */
    public static List<Path> onClassPath(String classPath, Set<String> extra) {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = symbolicName(path);
            if (name != null && (REQUIRED.contains(name) || extra.contains(name))) {
                jars.add(path);
            }
        }
        return jars;
    }

    /** {@code bundles} in the order to start them: {@link #START_FIRST}, then the rest as given. */
    static List<Bundle> inStartOrder(List<Bundle> bundles) {
        List<Bundle> ordered = new ArrayList<>(bundles);
        ordered.sort(Comparator.comparingInt(bundle -> {
            int rank = START_FIRST.indexOf(bundle.getSymbolicName());
            return rank < 0 ? START_FIRST.size() : rank;
        }));
        return ordered;
    }

    /** The required names that none of {@code jars} provides. */
    static Set<String> missing(List<Path> jars) {
        Set<String> missing = new TreeSet<>(REQUIRED);
        jars.forEach(j -> missing.remove(symbolicName(j)));
        return missing;
    }

    static String symbolicName(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return null;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return value == null ? null : value.split(";", 2)[0].trim();
        } catch (IOException e) {
            return null;
        }
    }
}
