package org.paymenter.ext.gateways.stripe;

import java.util.Objects;

/**
 * Where and as whom an instance talks to Stripe; equal connections share one client.
 *
 * @param apiBase   {@code https://api.stripe.com} or the instance's replacement, without a trailing slash
 * @param verifyTls false only when the admin switched certificate checks off
 */
record StripeConnection(String apiBase, String secretKey, boolean verifyTls) {

    StripeConnection {
        Objects.requireNonNull(secretKey, "secretKey");
        apiBase = Objects.requireNonNull(apiBase, "apiBase").replaceAll("/+$", "");
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "StripeConnection[apiBase=" + apiBase + ", verifyTls=" + verifyTls + "]";
    }
}
