package org.paymenter.ext.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

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

    @Test
    void appliedScriptsAreRecognisedWithFlywaysOwnChecksums() {
        String table = HistoryTables.forBundle(EXTENSION);
        Map<String, String> scripts = affiliatesScripts();
        assertThat(AppliedScripts.allApplied(node.dataSource(), table, scripts)).as("no history table yet").isFalse();

        Migrations.apply(node.dataSource(), getClass().getClassLoader(), "ext/affiliates", table);

        assertThat(AppliedScripts.allApplied(node.dataSource(), table, scripts)).isTrue();
        assertThat(AppliedScripts.allApplied(node.dataSource(), Migrations.CORE_HISTORY_TABLE, scripts))
                .as("another folder's history").isFalse();
    }

    @Test
    void anyDifferenceLeavesTheDecisionToFlyway() {
        String table = HistoryTables.forBundle(EXTENSION);
        Migrations.apply(node.dataSource(), getClass().getClassLoader(), "ext/affiliates", table);
        Map<String, String> scripts = affiliatesScripts();

        Map<String, String> edited = new HashMap<>(scripts);
        edited.computeIfPresent("V2__affiliate_rewards.sql", (name, sql) -> sql + "\n-- edited after it was applied");
        Map<String, String> newScript = new HashMap<>(scripts);
        newScript.put("V3__affiliate_payouts.sql", "CREATE TABLE affiliate_payouts (id BIGINT);");
        Map<String, String> scriptGone = new HashMap<>(scripts);
        scriptGone.remove("V2__affiliate_rewards.sql");

        assertThat(AppliedScripts.allApplied(node.dataSource(), table, edited)).as("edited").isFalse();
        assertThat(AppliedScripts.allApplied(node.dataSource(), table, newScript)).as("not applied yet").isFalse();
        assertThat(AppliedScripts.allApplied(node.dataSource(), table, scriptGone)).as("applied, not here").isFalse();

        execute("UPDATE \"" + table + "\" SET \"success\" = FALSE WHERE \"script\" = 'V2__affiliate_rewards.sql'");
        assertThat(AppliedScripts.allApplied(node.dataSource(), table, scripts)).as("a failed row").isFalse();
    }

    @Test
    void flywaysChecksumIgnoresLineEndsAndALeadingByteOrderMark() {
        int unix = AppliedScripts.checksum("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n");

        assertThat(AppliedScripts.checksum("CREATE TABLE a (id INT);\r\nINSERT INTO a VALUES (1);\r\n")).isEqualTo(unix);
        assertThat(AppliedScripts.checksum("\uFEFFCREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);")).isEqualTo(unix);
        assertThat(AppliedScripts.checksum("CREATE TABLE a (id INT);\nINSERT INTO a VALUES (2);\n")).isNotEqualTo(unix);
    }

    private static Map<String, String> affiliatesScripts() {
        Map<String, String> scripts = new HashMap<>();
        for (String name : new String[] { "V1__affiliates.sql", "V2__affiliate_rewards.sql" }) {
            try (InputStream in = MigrationsContract.class.getClassLoader().getResourceAsStream("ext/affiliates/" + name)) {
                scripts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }

    private void execute(String sql) {
        try (Connection connection = node.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
