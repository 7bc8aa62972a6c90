package org.paymenter.ext.store.outbox;

/**
 * How one POST to the panel went.
 *
 * @param error why it did not count as delivered ({@code HTTP 500}, a connection error); null when delivered
 */
record CallbackOutcome(boolean delivered, String error) {

    static CallbackOutcome ok() {
        return new CallbackOutcome(true, null);
    }

    static CallbackOutcome failed(String error) {
        return new CallbackOutcome(false, error);
    }
}
