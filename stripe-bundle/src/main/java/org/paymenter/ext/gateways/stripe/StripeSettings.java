package org.paymenter.ext.gateways.stripe;

import java.util.Optional;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.InstanceConfig;

/**
 * One instance's config, read once per call into the types the code uses.
 *
 * @param webhookSecret null until the admin sets it
 * @param interval      Stripe's recurring interval ({@code day}, {@code week}, {@code month}, {@code year})
 */
record StripeSettings(String instanceName, StripeConnection connection, String publishableKey, String webhookSecret,
        boolean checkout, boolean subscription, String interval, long intervalCount) {

    static StripeSettings of(InstanceConfig config) {
        StripeConnection connection = new StripeConnection(
                config.string(StripeFields.API_BASE, StripeDefaults.API_BASE),
                config.requireString(StripeFields.SECRET_KEY),
                config.bool(StripeFields.VERIFY_TLS, true));
        String webhookSecret = config.string(StripeFields.WEBHOOK_SECRET, null);
        return new StripeSettings(config.name(), connection,
                config.string(StripeFields.PUBLISHABLE_KEY, ""),
                webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret,
                !StripeFields.FLOW_PAYMENT_INTENT.equals(config.string(StripeFields.PAYMENT_FLOW,
                        StripeFields.FLOW_CHECKOUT)),
                StripeFields.BILLING_SUBSCRIPTION.equals(config.string(StripeFields.BILLING,
                        StripeFields.BILLING_ONE_TIME)),
                config.string(StripeFields.INTERVAL, "month"),
                config.integer(StripeFields.INTERVAL_COUNT, 1));
    }

    /** The webhook signing secret, empty until the admin sets it. */
    Optional<String> signingSecret() {
        return Optional.ofNullable(webhookSecret);
    }

    /** Subscriptions are sold on the hosted Checkout page only; said before anything is sent to Stripe. */
    void requireCheckoutForSubscriptions() {
        if (subscription && !checkout) {
            throw new ExtensionException("instance '" + instanceName + "' bills subscriptions, which need the "
                    + "Checkout payment flow; set " + StripeFields.PAYMENT_FLOW + " to '" + StripeFields.FLOW_CHECKOUT
                    + "'");
        }
    }

    /** Never prints the secrets. */
    @Override
    public String toString() {
        return "StripeSettings[instance=" + instanceName + ", " + connection + ", checkout=" + checkout
                + ", subscription=" + subscription + "]";
    }
}
