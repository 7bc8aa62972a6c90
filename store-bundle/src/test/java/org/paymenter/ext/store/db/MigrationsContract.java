package org.paymenter.ext.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.LedgerFixture;

/** The store's and an extension's migrations on one database, once per backend. */
abstract class MigrationsContract {

    private static final String EXTENSION = "org.example.affiliates";

    @TempDir
    Path dir;

    private LedgerFixture node;

    protected abstract Backend backend();

    @BeforeEach
    void open() {
        node = new LedgerFixture(dir, backend().freshDatabase(dir));
    }

    @AfterEach
    void close() {
        node.close();
    }

    @Test
    void theStoresMigrationsAreAppliedOnce() {
        assertThat(Migrations.apply(node.dataSource(), getClass().getClassLoader(), Migrations.CORE_LOCATION,
                Migrations.CORE_HISTORY_TABLE)).isZero();
        assertThat(node.count("payments")).isZero();
        assertThat(node.count("panel_outbox")).isZero();
    }

    @Test
    void anExtensionsMigrationsGetTheirOwnHistoryBesideTheStoresTables() {
        String table = HistoryTables.forBundle(EXTENSION);
        assertThat(Migrations.apply(node.dataSource(), getClass().getClassLoader(), "ext/affiliates", table))
                .isEqualTo(2);
        assertThat(Migrations.apply(node.dataSource(), getClass().getClassLoader(), "ext/affiliates", table))
                .isZero();
        assertThat(node.longValue("SELECT COUNT(*) FROM affiliates WHERE reward_percent IS NULL")).isZero();
        // Flyway quotes its table names, so they keep their lower case on H2 too.
        assertThat(node.count('"' + table + '"')).isGreaterThanOrEqualTo(2);
        assertThat(node.longValue("SELECT COUNT(*) FROM \"" + Migrations.CORE_HISTORY_TABLE + "\" WHERE \"success\""))
                .isGreaterThanOrEqualTo(1);
    }
}
