package org.paymenter.ext.store.db;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.Bundle;

/**
 * Applies versioned SQL migrations with Flyway ({@code V1__name.sql}, ...): each set of migrations has its
 * own history table, so the store's schema and each extension's tables evolve independently in one
 * database. Flyway locks the history table while it migrates, so nodes starting together on one
 * PostgreSQL apply each script once.
 */
public final class Migrations {

    /** The store's own migrations, inside this bundle. */
    public static final String CORE_LOCATION = "db/migration/core";
    public static final String CORE_HISTORY_TABLE = "paymenter_schema_history";
    /**
     * The schema already holds other tables when a second set of migrations arrives; a baseline at version
     * 0 lets Flyway accept that and still apply V1 onwards.
     */
    private static final String BASELINE = "0";
    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());
    /**
     * Flyway 9.22 warns at every start that H2 2.3 (or a PostgreSQL newer than it knows) "is newer than this
     * version of Flyway"; the store's tests run both databases, so the line tells an operator nothing to act
     * on. Its errors still show. Held here because java.util.logging forgets the level of a logger nobody
     * references.
     */
    private static final java.util.logging.Logger FLYWAY_VERSION_NOTICES = quieted(
            "org.flywaydb.core.internal.database.base.Database");

    private Migrations() {
    }

    private static java.util.logging.Logger quieted(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /**
     * Applies the scripts of {@code folder} on the class path that are not applied yet (outside OSGi: tests).
     *
     * @param loader       the class loader that sees {@code folder}
     * @param folder       where the scripts are, e.g. {@code db/migration/core}
     * @param historyTable the table that remembers what was applied
     * @return how many scripts were applied now
     * @throws org.flywaydb.core.api.FlywayException when a script fails (its transaction is rolled back) or
     *                                               an applied script was changed afterwards
     */
    public static int apply(DataSource dataSource, ClassLoader loader, String folder, String historyTable) {
        return migrate(Flyway.configure(loader).locations("classpath:" + folder), dataSource, folder, historyTable);
    }

    /**
     * Applies the scripts in {@code folder} of {@code bundle} (the store's own, or an extension's) that are not
     * applied yet.
     *
     * @throws IllegalStateException when the folder holds no script: a packaging mistake that would otherwise
     *                               leave an empty history behind and the tables missing
     */
    public static int apply(DataSource dataSource, Bundle bundle, String folder, String historyTable) {
        BundleScripts scripts = new BundleScripts(bundle, folder);
        Map<String, String> contents = scripts.contents();
        if (contents.isEmpty()) {
            throw new IllegalStateException("no migration scripts (*.sql) in " + folder + " of "
                    + bundle.getSymbolicName() + " " + bundle.getVersion());
        }
        if (AppliedScripts.allApplied(dataSource, historyTable, contents)) {
            return 0; // the usual restart: Flyway would only confirm it
        }
        FluentConfiguration config = Flyway.configure(Migrations.class.getClassLoader())
                .resourceProvider(scripts)
                .javaMigrationClassProvider(List::of); // SQL scripts only: nothing to scan for classes
        return migrate(config, dataSource, bundle.getSymbolicName() + " " + folder, historyTable);
    }

    private static int migrate(FluentConfiguration config, DataSource dataSource, String what, String historyTable) {
        MigrateResult result = config.dataSource(dataSource)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE)
                .validateMigrationNaming(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.log(Level.INFO, "applied " + result.migrationsExecuted + " migration(s) from " + what + " ("
                    + historyTable + "), now at version " + result.targetSchemaVersion);
        }
        return result.migrationsExecuted;
    }
}
