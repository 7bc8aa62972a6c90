package org.paymenter.ext.store.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.store.db.Database;
import org.paymenter.ext.store.db.Migrations;
import org.paymenter.ext.store.ledger.JdbcPaymentLedger;
import org.paymenter.ext.store.ledger.TimeOrderedIds;
import org.paymenter.ext.store.settings.StoreSettings;

/**
 * One "node" of the store on a test database: its own pool, the migrated schema, a ledger whose
 * after-commit announcements are collected.
 */
public final class LedgerFixture implements AutoCloseable {

    private final Database database;
    private final JdbcPaymentLedger ledger;
    private final List<Payment> announced = new CopyOnWriteArrayList<>();

    public LedgerFixture(Path dataDir, String url) {
        this.database = Backend.open(dataDir, url);
        Migrations.apply(database.dataSource(), LedgerFixture.class.getClassLoader(), Migrations.CORE_LOCATION,
                Migrations.CORE_HISTORY_TABLE);
        this.ledger = new JdbcPaymentLedger(database.dataSource(), new TimeOrderedIds(Clock.systemUTC(),
                new SecureRandom()), Clock.systemUTC(), StoreSettings.MAX_GROUP, StoreSettings.COMMIT_WAIT,
                announced::addAll);
    }

    public JdbcPaymentLedger ledger() {
        return ledger;
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public List<Payment> announced() {
        return announced;
    }

    /** {@code SELECT COUNT(*) FROM <table>} (a fixed table name from the test). */
    public long count(String table) {
        return longValue("SELECT COUNT(*) FROM " + table);
    }

    /** The first column of the first row of {@code sql}, with {@code args} bound. */
    public long longValue(String sql, Object... args) {
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        ledger.close();
        database.close();
    }
}
