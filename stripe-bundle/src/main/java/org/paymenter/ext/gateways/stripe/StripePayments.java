package org.paymenter.ext.gateways.stripe;

import org.paymenter.ext.api.gateway.PaymentRequest;
import org.paymenter.ext.api.gateway.PaymentStart;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;

/** Starts paying an invoice: a hosted Checkout page to redirect to, or a client secret for Stripe.js. */
final class StripePayments {

    private StripePayments() {
    }

    static PaymentStart start(StripeClient stripe, StripeSettings settings, PaymentRequest request) {
        settings.requireCheckoutForSubscriptions();
        String customer = CustomerDirectory.forPayment(stripe, request.user()).orElse(null);
        if (settings.checkout()) {
            try {
                Session session = stripe.v1().checkout().sessions()
                        .create(CheckoutSessionParams.forPayment(settings, request, customer));
                return new PaymentStart.Redirect(session.getUrl());
            } catch (StripeException e) {
                throw StripeFailures.of("creating a Checkout Session for invoice " + request.invoice().id(), e);
            }
        }
        try {
            PaymentIntent intent = stripe.v1().paymentIntents().create(PaymentIntentParams.forPayment(request, customer));
            return new PaymentStart.ClientSecret(intent.getClientSecret(), settings.publishableKey());
        } catch (StripeException e) {
            throw StripeFailures.of("creating a PaymentIntent for invoice " + request.invoice().id(), e);
        }
    }
}
