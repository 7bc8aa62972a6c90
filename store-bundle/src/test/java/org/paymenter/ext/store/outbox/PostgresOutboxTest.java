package org.paymenter.ext.store.outbox;

import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.PostgresBackend;

/** The outbox on a real PostgreSQL (embedded server, started by the test). */
class PostgresOutboxTest extends OutboxContract {

    @Override
    protected Backend backend() {
        return PostgresBackend.instance();
    }
}
