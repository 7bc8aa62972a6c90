package org.paymenter.ext.gateways.stripe;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.gateway.AgreementRequest;
import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.ChargeRequest;
import org.paymenter.ext.api.gateway.PaymentStart;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.SetupIntentCreateParams;

/**
 * Billing agreements: a card saved on the user's Stripe customer through a SetupIntent (a Checkout page
 * in setup mode, or a client secret for Stripe.js), charged off-session, detached on cancel. The agreement
 * itself reaches the panel through the {@code setup_intent.succeeded} webhook.
 */
final class SavedPaymentMethods {

    private SavedPaymentMethods() {
    }

    static PaymentStart create(StripeClient stripe, StripeSettings settings, AgreementRequest request) {
        if (request.user().email() == null || request.user().email().isBlank()) {
            throw new ExtensionException("saving a payment method with Stripe needs the user's e-mail address");
        }
        String customer = CustomerDirectory.findOrCreate(stripe, request.user());
        try {
            if (settings.checkout()) {
                return new PaymentStart.Redirect(stripe.v1().checkout().sessions()
                        .create(CheckoutSessionParams.forAgreement(request, customer)).getUrl());
            }
            SetupIntent intent = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder()
                    .setCustomer(customer)
                    .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                    .setAutomaticPaymentMethods(SetupIntentCreateParams.AutomaticPaymentMethods.builder()
                            .setEnabled(true).build())
                    .putMetadata(StripeDefaults.USER_ID, request.user().id())
                    .putMetadata(StripeDefaults.IS_BILLING_AGREEMENT, "1")
                    .build());
            return new PaymentStart.ClientSecret(intent.getClientSecret(), settings.publishableKey());
        } catch (StripeException e) {
            throw StripeFailures.of("starting to save a payment method for user " + request.user().id(), e);
        }
    }

    /**
     * @return true when Stripe took the payment or is processing it; a decline or a payment that needs the
     *         customer to authenticate is an {@link ExtensionException} saying so
     */
    /**
     * The charge's idempotency key: the invoice, amount, currency and payment method, and the day (UTC). A
     * panel that retries after a timeout gets the first PaymentIntent back instead of charging twice; a
     * decline is not repeated from Stripe's cache the next day, when the customer may have topped up.
     */
    static RequestOptions chargeOnce(ChargeRequest request, PaymentIntentCreateParams params, Clock clock) {
        String key = "paymenter-charge-" + request.invoice().id() + "-" + params.getAmount() + params.getCurrency()
                + "-" + request.agreement().externalReference() + "-" + LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    static boolean charge(StripeClient stripe, ChargeRequest request, Clock clock) {
        String method = request.agreement().externalReference();
        String action = "charging invoice " + request.invoice().id() + " to saved payment method " + method;
        try {
            PaymentMethod saved = stripe.v1().paymentMethods().retrieve(method);
            if (saved.getCustomer() == null) {
                throw new ExtensionException("payment method " + method + " is no longer saved on a Stripe customer, "
                        + "so it cannot be charged off-session");
            }
            PaymentIntentCreateParams params = PaymentIntentParams.forCharge(request, saved.getCustomer());
            PaymentIntent intent = stripe.v1().paymentIntents().create(params, chargeOnce(request, params, clock));
            return switch (intent.getStatus()) {
                case "succeeded", "processing" -> true;
                case "requires_action" -> throw new ExtensionException("Stripe needs the customer to authenticate "
                        + "the payment of invoice " + request.invoice().id() + " (" + intent.getId()
                        + " requires_action); they have to pay it themselves");
                default -> false;
            };
        } catch (StripeException e) {
            throw StripeFailures.of(action, e);
        }
    }

    /** @return true once Stripe no longer holds the method for the customer (also when it never did) */
    static boolean cancel(StripeClient stripe, BillingAgreement agreement) {
        String method = agreement.externalReference();
        try {
            stripe.v1().paymentMethods().detach(method);
            return true;
        } catch (StripeException e) {
            if (StripeFailures.isMissing(e) || isNotAttached(e)) {
                return true;
            }
            throw StripeFailures.of("detaching payment method " + method, e);
        }
    }

    private static boolean isNotAttached(StripeException e) {
        return e.getStripeError() != null && e.getStripeError().getMessage() != null
                && e.getStripeError().getMessage().contains("not attached to a customer");
    }
}
