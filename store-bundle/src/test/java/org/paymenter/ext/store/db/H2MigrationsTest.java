package org.paymenter.ext.store.db;

import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.H2Backend;

/** Migrations on the embedded H2 file database. */
class H2MigrationsTest extends MigrationsContract {

    @Override
    protected Backend backend() {
        return new H2Backend();
    }
}
