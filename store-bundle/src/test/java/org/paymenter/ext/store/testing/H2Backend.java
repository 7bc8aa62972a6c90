package org.paymenter.ext.store.testing;

import java.nio.file.Path;

import org.paymenter.ext.store.settings.StoreSettings;

/** The embedded H2 file database, with the options the runtime uses. */
public final class H2Backend implements Backend {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String freshDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(StoreSettings.H2_FILE) + StoreSettings.H2_OPTIONS;
    }
}
