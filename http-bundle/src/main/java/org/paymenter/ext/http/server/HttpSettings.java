package org.paymenter.ext.http.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * Every limit and address of the HTTP server, with its default, read from framework properties
 * ({@code paymenter.http.*}) so an operator can change one without code.
 *
 * @param maxJsonBytes   largest JSON or webhook body (webhooks: 1 MiB, as providers send far less)
 * @param maxUploadBytes largest extension jar accepted by POST/PUT /extensions
 */
public record HttpSettings(String host, int port, int minThreads, int maxThreads,
        Duration idleTimeout, long maxJsonBytes, long maxUploadBytes, Path accessLog) {

    public static final String PREFIX = "paymenter.http.";
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_MIN_THREADS = 4;
    static final int DEFAULT_MAX_THREADS = 64;
    static final long DEFAULT_IDLE_MS = 30_000;
    static final long DEFAULT_MAX_JSON = 1024 * 1024;
    static final long DEFAULT_MAX_UPLOAD = 50L * 1024 * 1024;

    /** Reads the settings from {@code property} (a BundleContext's getProperty); blank means default. */
    public static HttpSettings from(Function<String, String> property, Path dataDir) {
        Function<String, String> p = key -> {
            String value = property.apply(PREFIX + key);
            return value == null || value.isBlank() ? null : value.trim();
        };
        return new HttpSettings(
                orDefault(p.apply("host"), DEFAULT_HOST),
                (int) number(p, "port", DEFAULT_PORT),
                (int) number(p, "threads.min", DEFAULT_MIN_THREADS),
                (int) number(p, "threads.max", DEFAULT_MAX_THREADS),
                Duration.ofMillis(number(p, "idle.timeout.ms", DEFAULT_IDLE_MS)),
                number(p, "max.json.bytes", DEFAULT_MAX_JSON),
                number(p, "max.upload.bytes", DEFAULT_MAX_UPLOAD),
                dataDir.resolve("logs").resolve("access.log"));
    }

    private static long number(Function<String, String> p, String key, long fallback) {
        String value = p.apply(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PREFIX + key + " must be a number, not '" + value + "'");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
