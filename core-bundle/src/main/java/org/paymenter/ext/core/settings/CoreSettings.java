package org.paymenter.ext.core.settings;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the core bundle in one place: the framework properties it reads (set by the launcher)
 * and the defaults used when they are absent. The bundles folder is not among them: the launcher's
 * {@code BundleFolder} service says where it is.
 *
 * @param dataDir       absolute data directory ({@value #DATA_DIR}); empty when the launcher did not set it
 * @param invokeTimeout how long an extension call may take ({@value #INVOKE_TIMEOUT_MS}, default 30 s)
 * @param hookTimeout   how long a lifecycle hook may take
 * @param callThreads   threads that run extension calls
 * @param callQueue     calls that may wait for a thread before callers are told the host is busy
 */
public record CoreSettings(Optional<Path> dataDir, Duration invokeTimeout, Duration hookTimeout, int callThreads,
        int callQueue) {

    public static final String DATA_DIR = "paymenter.data.dir";
    public static final String INVOKE_TIMEOUT_MS = "paymenter.invoke.timeout.ms";
    public static final String CALL_THREADS = "paymenter.invoke.threads";

    public static final Duration DEFAULT_INVOKE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration HOOK_TIMEOUT = Duration.ofSeconds(10);
    /** Enough for a panel's bursts of provisioning calls; a call thread mostly waits on a remote API. */
    public static final int DEFAULT_CALL_THREADS = 32;
    public static final int CALL_QUEUE = 512;

    private static final System.Logger LOG = System.getLogger(CoreSettings.class.getName());

    /** Reads the settings from framework properties ({@code BundleContext::getProperty}). */
    public static CoreSettings from(Function<String, String> properties) {
        return new CoreSettings(
                path(properties.apply(DATA_DIR)),
                Duration.ofMillis(positive(properties, INVOKE_TIMEOUT_MS, DEFAULT_INVOKE_TIMEOUT.toMillis())),
                HOOK_TIMEOUT,
                (int) positive(properties, CALL_THREADS, DEFAULT_CALL_THREADS),
                CALL_QUEUE);
    }

    /** The data directory, or a clear error when the launcher did not say where it is. */
    public Path requireDataDir() {
        return dataDir.orElseThrow(() -> new IllegalStateException(
                "framework property " + DATA_DIR + " is not set; the launcher sets it to the data directory"));
    }

    private static Optional<Path> path(String value) {
        return value == null || value.isBlank() ? Optional.empty()
                : Optional.of(Path.of(value.trim()).toAbsolutePath().normalize());
    }

    /** A bad value is reported and replaced by the default rather than stopping the host. */
    private static long positive(Function<String, String> properties, String key, long fallback) {
        String raw = properties.apply(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value > 0 && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException e) {
            LOG.log(Level.DEBUG, "not a number: " + key + "=" + raw, e);
        }
        LOG.log(Level.WARNING, "framework property {0}={1} is not a positive whole number; using {2}",
                key, raw, fallback);
        return fallback;
    }
}
