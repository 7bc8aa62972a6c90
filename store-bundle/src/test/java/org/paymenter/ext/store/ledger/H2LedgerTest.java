package org.paymenter.ext.store.ledger;

import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.H2Backend;

/** The ledger on the embedded H2 file database (the default). */
class H2LedgerTest extends LedgerContract {

    @Override
    protected Backend backend() {
        return new H2Backend();
    }
}
