package org.paymenter.ext.store.db;

import java.lang.System.Logger.Level;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;

/**
 * Applies the migrations an extension ships: a bundle with the header {@value #HEADER}{@code : <folder>}
 * gets the {@code V<n>__*.sql} scripts of that folder applied, with its own history table, when it starts.
 * The tracker hears of a starting bundle synchronously, so the tables exist before the extension's
 * components are activated (SCR does that once the bundle is active).
 */
public final class MigrationExtender extends BundleTracker<String> {

    public static final String HEADER = "Paymenter-Migrations";
    private static final System.Logger LOG = System.getLogger(MigrationExtender.class.getName());

    private final DataSource dataSource;

    public MigrationExtender(BundleContext context, DataSource dataSource) {
        super(context, Bundle.STARTING | Bundle.ACTIVE, null);
        this.dataSource = dataSource;
    }

    /** Migrates a bundle with the header; returns its folder so the tracker remembers it, or null to ignore. */
    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String folder = bundle.getHeaders().get(HEADER);
        if (folder == null || folder.isBlank()) {
            return null;
        }
        String location = folder.trim().replaceAll("^/+|/+$", "");
        String table = HistoryTables.forBundle(bundle.getSymbolicName());
        try {
            Migrations.apply(dataSource, bundle, location, table);
        } catch (RuntimeException e) {
            // The extension starts anyway (a listener cannot stop it); its own calls then fail on the
            // missing tables, and this line says why.
            LOG.log(Level.ERROR, "migrations of " + bundle.getSymbolicName() + " " + bundle.getVersion() + " from "
                    + location + " failed: " + e.getMessage(), e);
        }
        return location;
    }
}
