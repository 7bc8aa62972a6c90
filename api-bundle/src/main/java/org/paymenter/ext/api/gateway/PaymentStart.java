package org.paymenter.ext.api.gateway;

/** What the customer is given to pay with: one of a redirect, a client secret or an HTML snippet. */
public sealed interface PaymentStart permits PaymentStart.Redirect, PaymentStart.ClientSecret, PaymentStart.Html {

    /** {@code redirect}, {@code client_secret} or {@code html}, as the admin API names them. */
    String type();

    /** Send the customer's browser to {@code url} (a hosted checkout page). */
    record Redirect(String url) implements PaymentStart {
        @Override
        public String type() {
            return "redirect";
        }
    }

    /** Confirm in the browser with the provider's script (Stripe PaymentIntents). */
    record ClientSecret(String clientSecret, String publishableKey) implements PaymentStart {
        @Override
        public String type() {
            return "client_secret";
        }
    }

    /** Embed {@code html} in the payment page (a form that posts to the provider). */
    record Html(String html) implements PaymentStart {
        @Override
        public String type() {
            return "html";
        }
    }
}
