package org.paymenter.ext.store.testing;

import java.nio.file.Path;
import java.util.Map;

import org.paymenter.ext.store.db.Database;
import org.paymenter.ext.store.settings.StoreSettings;

/**
 * A database the store's tests run against: each {@link #freshDatabase} is empty, and may be opened by
 * several pools at once (two "nodes").
 */
public interface Backend {

    String name();

    /** The JDBC URL of a new, empty database; its files (if any) go under {@code dir}. */
    String freshDatabase(Path dir);

    /** Settings as the runtime would have them, pointing at {@code url}. */
    static StoreSettings settings(Path dataDir, String url) {
        return StoreSettings.from(Map.of(StoreSettings.DATA_DIR, dataDir.toString(), StoreSettings.DB_URL, url,
                StoreSettings.POOL_SIZE, "8")::get, Map.of());
    }

    static Database open(Path dataDir, String url) {
        return Database.open(settings(dataDir, url));
    }
}
