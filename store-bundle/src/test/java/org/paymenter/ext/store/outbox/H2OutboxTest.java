package org.paymenter.ext.store.outbox;

import org.paymenter.ext.store.testing.Backend;
import org.paymenter.ext.store.testing.H2Backend;

/** The outbox on the embedded H2 file database (the default). */
class H2OutboxTest extends OutboxContract {

    @Override
    protected Backend backend() {
        return new H2Backend();
    }
}
