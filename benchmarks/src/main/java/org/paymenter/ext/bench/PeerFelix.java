package org.paymenter.ext.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The same-run peer of bench-hotdeploy: a bare embedded Felix with SCR (and its three API bundles) and
 * Felix FileInstall watching a folder, nothing else. Prints {@code peer ready in <ms> ms} once FileInstall
 * has started (with {@code noInitialDelay} it installs what is in the folder inside its own start).
 *
 * <pre>java -cp benchmarks.jar:org.apache.felix.framework.jar ...PeerFelix BUNDLES_LIB WATCHED_DIR DATA_DIR POLL_MS</pre>
 */
public final class PeerFelix {

    private PeerFelix() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path lib = Path.of(args[0]);
        Path watched = Path.of(args[1]).toAbsolutePath();
        Path data = Path.of(args[2]).toAbsolutePath();
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, data.resolve("felix-cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put("felix.fileinstall.dir", watched.toString());
        config.put("felix.fileinstall.poll", args[3]);
        config.put("felix.fileinstall.noInitialDelay", "true");
        config.put("felix.fileinstall.tmpdir", data.resolve("fileinstall-tmp").toString());
        config.put("felix.fileinstall.log.level", "2");

        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.init();
        List<Bundle> bundles = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            try (InputStream in = Files.newInputStream(jar)) {
                bundles.add(framework.getBundleContext().installBundle("lib:" + jar.getFileName(), in));
            }
        }
        framework.start();
        for (Bundle bundle : bundles) {
            bundle.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                framework.stop();
                framework.waitForStop(10_000);
            } catch (Exception e) {
                System.err.println("peer: stopping failed: " + e);
            }
        }, "peer-shutdown"));
        System.out.println("peer ready in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + bundles.size()
                + " bundles, FileInstall on " + watched + " every " + args[3] + " ms");
        framework.waitForStop(0);
    }
}
