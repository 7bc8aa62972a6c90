package org.paymenter.ext.gateways.stripe;

import org.paymenter.ext.api.ExtensionException;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;

/**
 * Turns what stripe-java threw into the sentence an admin reads (the host answers it as a 502): what we
 * were doing, Stripe's status and error type, and Stripe's own message, which never holds more of a key than
 * its last four characters. No stack trace, no request body.
 */
final class StripeFailures {

    private StripeFailures() {
    }

    /** @param action what was attempted, as a phrase: "creating a Checkout Session" */
    static ExtensionException of(String action, StripeException e) {
        if (e instanceof ApiConnectionException) {
            return new ExtensionException("Stripe could not be reached while " + action + ": " + e.getMessage(), e);
        }
        StripeError error = e.getStripeError();
        Integer status = e.getStatusCode();
        String statusText = status == null ? "" : " " + status;
        if (error == null) {
            return new ExtensionException("Stripe answered" + statusText + " while " + action
                    + " with a body that is not a Stripe response", e);
        }
        StringBuilder kind = new StringBuilder(error.getType() == null ? "error" : error.getType());
        if (error.getCode() != null) {
            kind.append('/').append(error.getCode());
        }
        if (error.getDeclineCode() != null) {
            kind.append('/').append(error.getDeclineCode());
        }
        return new ExtensionException("Stripe answered" + statusText + " (" + kind + ") while " + action + ": "
                + error.getMessage(), e);
    }

    /** Whether Stripe said the object does not exist (a 404 {@code resource_missing}). */
    static boolean isMissing(StripeException e) {
        return Integer.valueOf(404).equals(e.getStatusCode());
    }
}
