package org.paymenter.ext.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One runtime shared by the tests of a class, on a temp folder deleted afterwards:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RuntimeExtension RUNTIME = new RuntimeExtension();
 * ... RUNTIME.harness().deploy(jar) ...
 * }</pre>
 *
 * Booting costs a few hundred milliseconds; tests that need a pristine runtime (start-up, restart) use
 * {@link RuntimeHarness#start} on their own {@code @TempDir} instead.
 */
public final class RuntimeExtension implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> previousValues = new LinkedHashMap<>();
    private Path workDir;
    private RuntimeHarness harness;

    /**
     * Sets a system property while the runtime runs: the framework falls back to system properties for
     * the properties its bundles read ({@code BundleContext.getProperty}).
     */
    public RuntimeExtension withSystemProperty(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    public RuntimeHarness harness() {
        if (harness == null) {
            throw new IllegalStateException("the runtime runs only while the test class does");
        }
        return harness;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        systemProperties.forEach((k, v) -> previousValues.put(k, System.setProperty(k, v)));
        workDir = Files.createTempDirectory("runtime-" + context.getRequiredTestClass().getSimpleName() + "-");
        harness = RuntimeHarness.start(workDir);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (harness != null) {
                harness.close();
            }
        } finally {
            harness = null;
            previousValues.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
            deleteTree(workDir);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
