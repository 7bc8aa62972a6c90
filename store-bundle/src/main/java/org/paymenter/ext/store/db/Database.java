package org.paymenter.ext.store.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.paymenter.ext.store.settings.StoreSettings;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pool on the configured database. Hikari is handed a driver's own {@link DataSource}
 * object, never a driver class name: inside OSGi, {@code DriverManager} does not see drivers that live in
 * bundles.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final String POOL_NAME = "paymenter-db";

    private final DatabaseKind kind;
    private final String description;
    private final HikariDataSource pool;

    private Database(DatabaseKind kind, String description, HikariDataSource pool) {
        this.kind = kind;
        this.description = description;
        this.pool = pool;
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @throws IllegalArgumentException when the URL names a database the store does not support
     * @throws IllegalStateException    when the database cannot be reached, with the reason
     */
    public static Database open(StoreSettings settings) {
        String url = settings.jdbcUrl();
        String redacted = DatabaseKind.redact(url);
        DatabaseKind kind = DatabaseKind.of(url).orElseThrow(() -> new IllegalArgumentException(
                "unsupported database URL " + redacted + "; use jdbc:postgresql://host/db, or none for the embedded H2"));
        HikariConfig config = new HikariConfig();
        config.setPoolName(POOL_NAME);
        config.setDataSource(driverDataSource(kind, url, settings));
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(StoreSettings.CONNECTION_TIMEOUT.toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the database " + redacted + ": " + rootMessage(e), e);
        }
        LOG.log(Level.INFO, "database: " + kind.name().toLowerCase() + " at " + redacted + ", pool of "
                + settings.poolSize());
        return new Database(kind, redacted, pool);
    }

    private static DataSource driverDataSource(DatabaseKind kind, String url, StoreSettings settings) {
        return switch (kind) {
            case H2 -> {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL(url);
                // The embedded file is this runtime's alone: a fixed user, so that setting the PostgreSQL
                // variables later cannot lock the runtime out of its own file.
                h2.setUser(StoreSettings.H2_USER);
                h2.setPassword("");
                yield h2;
            }
            case POSTGRESQL -> {
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url);
                settings.databaseUser().ifPresent(pg::setUser);
                settings.databasePassword().ifPresent(pg::setPassword);
                yield pg;
            }
        };
    }

    public DataSource dataSource() {
        return pool;
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** The URL without secrets. */
    public String description() {
        return description;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }
}
