package org.paymenter.ext.store.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the store in one place: the framework properties and environment variables it reads,
 * and the constants of the ledger and the outbox.
 *
 * @param dataDir       the runtime's data folder ({@value #DATA_DIR})
 * @param databaseUrl   {@value #DB_URL}, or empty for the embedded H2 database under {@code <data>/db/}
 * @param databaseUser  {@value #ENV_DB_USER}, or empty to use what the URL says (PostgreSQL only)
 * @param databasePassword {@value #ENV_DB_PASSWORD}; never logged (PostgreSQL only)
 * @param poolSize      connections in the pool ({@value #POOL_SIZE}, default {@value #DEFAULT_POOL_SIZE})
 * @param panelCallback {@value #PANEL_CALLBACK_URL}, or empty: deliveries then wait
 * @param callbackSecret {@value #ENV_CALLBACK_SECRET}, or empty to use {@code <data>/callback-secret}
 */
public record StoreSettings(Path dataDir, Optional<String> databaseUrl, Optional<String> databaseUser,
        Optional<String> databasePassword, int poolSize, Optional<URI> panelCallback,
        Optional<String> callbackSecret) {

    public static final String DATA_DIR = "paymenter.data.dir";
    public static final String DB_URL = "paymenter.db.url";
    public static final String POOL_SIZE = "paymenter.db.pool.size";
    public static final String PANEL_CALLBACK_URL = "paymenter.panel.callback.url";
    public static final String ENV_DB_USER = "PAYMENTER_DB_USER";
    public static final String ENV_DB_PASSWORD = "PAYMENTER_DB_PASSWORD";
    public static final String ENV_CALLBACK_SECRET = "PAYMENTER_CALLBACK_SECRET";

    /** Enough for the webhook writer, the outbox worker and the admin API's reads at once. */
    public static final int DEFAULT_POOL_SIZE = 16;
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    /** The embedded database: {@code <data>/db/paymenter.mv.db}. */
    public static final String H2_FILE = "db/paymenter";
    /**
     * {@code WRITE_DELAY=0}: H2 writes every commit to the file before the commit returns; its default
     * (500 ms later) would let a kill -9 lose a payment the provider was already told about.
     */
    public static final String H2_OPTIONS = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    public static final String H2_USER = "paymenter";

    /** Webhooks committed together at most (group commit: one disk write for many webhooks under load). */
    public static final int MAX_GROUP = 64;
    /**
     * How long a webhook waits for its commit before the provider is told to retry (providers give up on
     * a webhook after some seconds; should the commit still happen, the retry is a duplicate).
     */
    public static final Duration COMMIT_WAIT = Duration.ofSeconds(10);

    /** Panel callback retries: 1 s, 2 s, 4 s, ... at most 10 min apart, never given up. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    public static final int RETRY_FACTOR = 2;
    public static final Duration MAX_RETRY = Duration.ofMinutes(10);
    /**
     * Opening the store again after it failed (the database not up yet, as when the runtime starts before
     * PostgreSQL): 1 s, 2 s, 4 s, ... at most 30 s apart, until it opens or the runtime stops.
     */
    public static final Duration OPEN_FIRST_RETRY = Duration.ofSeconds(1);
    public static final Duration OPEN_MAX_RETRY = Duration.ofSeconds(30);
    /** How often the outbox is looked at when nothing wakes the worker (other nodes' rows, retries). */
    public static final Duration OUTBOX_POLL = Duration.ofSeconds(1);
    public static final int OUTBOX_BATCH = 20;
    public static final int CALLBACK_SENDERS = 4;
    public static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than a callback can take, so a claimed row is never sent by two nodes at once. */
    public static final Duration CLAIM = CALLBACK_TIMEOUT.multipliedBy(3);

    /**
     * Delivered outbox rows are kept this long (for {@code GET /deliveries} and support questions), then
     * deleted, looked at every {@link #PRUNE_EVERY}; the payments themselves are kept for good.
     */
    public static final Duration DELIVERED_RETENTION = Duration.ofDays(30);
    public static final Duration PRUNE_EVERY = Duration.ofHours(1);
    /** The first look, after start-up is over. */
    public static final Duration PRUNE_FIRST = Duration.ofMinutes(1);

    public static final String CALLBACK_SECRET_FILE = "callback-secret";

    /**
     * Reads the settings.
     *
     * @param properties  framework properties ({@code BundleContext::getProperty})
     * @param environment the process environment
     * @throws IllegalArgumentException with a sentence when a value cannot be used
     */
    public static StoreSettings from(Function<String, String> properties, Map<String, String> environment) {
        String data = properties.apply(DATA_DIR);
        if (blank(data)) {
            throw new IllegalArgumentException("framework property " + DATA_DIR
                    + " is not set; the launcher sets it to the data directory");
        }
        return new StoreSettings(Path.of(data.trim()).toAbsolutePath().normalize(),
                optional(properties.apply(DB_URL)), optional(environment.get(ENV_DB_USER)),
                optional(environment.get(ENV_DB_PASSWORD)), poolSize(properties.apply(POOL_SIZE)),
                optional(properties.apply(PANEL_CALLBACK_URL)).map(StoreSettings::callbackUri),
                optional(environment.get(ENV_CALLBACK_SECRET)));
    }

    /** The JDBC URL to open: the configured one, or the embedded database in the data folder. */
    public String jdbcUrl() {
        return databaseUrl.orElseGet(() -> "jdbc:h2:file:" + dataDir.resolve(H2_FILE) + H2_OPTIONS);
    }

    private static int poolSize(String value) {
        if (blank(value)) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 2) {
                return size;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(POOL_SIZE + " must be a whole number, not '" + value + "'", e);
        }
        throw new IllegalArgumentException(POOL_SIZE + " must be at least 2, not " + value);
    }

    private static URI callbackUri(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PANEL_CALLBACK_URL + " is not a URL: " + e.getMessage(), e);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(PANEL_CALLBACK_URL + " must be an http(s) URL, not '" + value + "'");
        }
        return uri;
    }

    private static Optional<String> optional(String value) {
        return blank(value) ? Optional.empty() : Optional.of(value.trim());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
