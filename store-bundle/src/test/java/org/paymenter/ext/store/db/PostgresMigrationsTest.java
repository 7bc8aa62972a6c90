package org.paymenter.ext.store.db;

import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.PostgresBackend;

/** Migrations on a real PostgreSQL (embedded server, started by the test). */
class PostgresMigrationsTest extends MigrationsContract {

    @Override
    protected Backend backend() {
        return PostgresBackend.instance();
    }
}
