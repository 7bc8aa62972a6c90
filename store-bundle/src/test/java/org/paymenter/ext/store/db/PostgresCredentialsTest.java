package org.paymenter.ext.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.store.settings.StoreSettings;
import org.paymenter.ext.store.testing.PostgresBackend;

/** Credentials reach PostgreSQL (from the URL or the environment) and never the log. */
class PostgresCredentialsTest {

    private static final String PASSWORD = "pw-that-must-not-be-logged";

    @TempDir
    Path dir;

    @Test
    void thePasswordIsNeverLogged() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLoggerName() + " " + record.getMessage() + " " + record.getParameters());
            }

            @Override
            public void flush() {
                // records are kept as they come: nothing is buffered
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String url = PostgresBackend.instance().freshDatabase(dir) + "&password=" + PASSWORD;
        StoreSettings settings = StoreSettings.from(Map.of(StoreSettings.DATA_DIR, dir.toString(),
                StoreSettings.DB_URL, url)::get,
                Map.of(StoreSettings.ENV_DB_USER, "postgres", StoreSettings.ENV_DB_PASSWORD, PASSWORD));
        try (Database database = Database.open(settings)) {
            assertThat(database.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
            assertThat(database.description()).doesNotContain(PASSWORD).doesNotContain("password");
            Migrations.apply(database.dataSource(), getClass().getClassLoader(), Migrations.CORE_LOCATION,
                    Migrations.CORE_HISTORY_TABLE);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).anyMatch(l -> l.contains("database: postgresql"));
        assertThat(logged).noneMatch(l -> l.contains(PASSWORD));
    }
}
