package org.paymenter.ext.store.ledger;

import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.PostgresBackend;

/** The ledger on a real PostgreSQL (embedded server, started by the test). */
class PostgresLedgerTest extends LedgerContract {

    @Override
    protected Backend backend() {
        return PostgresBackend.instance();
    }
}
