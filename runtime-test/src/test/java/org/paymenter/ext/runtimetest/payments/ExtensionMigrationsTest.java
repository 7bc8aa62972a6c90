package org.paymenter.ext.runtimetest.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;

/**
 * An extension that keeps tables of its own ships its migrations and names their folder in its manifest
 * ({@code Paymenter-Migrations}); they are applied when it starts, with its own history, on the runtime's
 * database, which it reaches as the {@code javax.sql.DataSource} service {@code (paymenter.datasource=main)}.
 */
class ExtensionMigrationsTest {

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static final String BSN = "test.affiliates";
    /** Flyway's history of this extension (its own table; Flyway quotes the lower-case name). */
    private static final String APPLIED_SCRIPTS = "SELECT COUNT(*) FROM \"ext_history_test_affiliates\" "
            + "WHERE \"success\" AND \"script\" LIKE 'V%'";

    @Test
    void anExtensionsMigrationsAreAppliedWhenItStartsAndUpgradesApplyTheNewOnes() throws Exception {
        RuntimeHarness runtime = RUNTIME.harness();
        runtime.deploy(extension(runtime.scratchDir(), "1.0.0", false));
        runtime.awaitBundleState(BSN, Bundle.ACTIVE);
        DataSource database = mainDataSource(runtime);
        assertThat(count(database, "SELECT COUNT(*) FROM affiliate_codes")).isZero();
        assertThat(count(database, APPLIED_SCRIPTS)).isEqualTo(1);

        runtime.swap(BSN + "-1.0.0.jar", extension(runtime.scratchDir(), "1.1.0", true), BSN + "-1.1.0.jar");
        runtime.awaitBundleState(BSN, Bundle.ACTIVE);
        // The upgrade starts the bundle again: V2 is applied, V1 is not run twice.
        Poll.untilTrue("V2 applied", Poll.DEFAULT_TIMEOUT,
                () -> count(database, APPLIED_SCRIPTS) == 2, () -> "applied: " + count(database, APPLIED_SCRIPTS));
        assertThat(count(database, "SELECT COUNT(*) FROM affiliate_codes WHERE reward_percent IS NULL")).isZero();
    }

    private static DataSource mainDataSource(RuntimeHarness runtime) {
        ServiceReference<?> reference = runtime.awaitService(DataSource.class.getName(), "(paymenter.datasource=main)");
        return (DataSource) runtime.context().getService(reference);
    }

    private static long count(DataSource database, String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** A bundle with no classes, only its migrations under db/affiliates (as bnd packs resources: no folder entries). */
    private static Path extension(Path dir, String version, boolean withV2) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", BSN);
        main.putValue("Bundle-Version", version);
        main.putValue("Paymenter-Migrations", "db/affiliates");
        Path jar = dir.resolve(BSN + "-" + version + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            add(out, "db/affiliates/V1__affiliate_codes.sql",
                    "CREATE TABLE affiliate_codes (code VARCHAR(50) PRIMARY KEY, user_id VARCHAR(100) NOT NULL);");
            if (withV2) {
                add(out, "db/affiliates/V2__rewards.sql", "ALTER TABLE affiliate_codes ADD COLUMN reward_percent INTEGER;");
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
