package org.paymenter.ext.gateways.stripe;

import java.util.Locale;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.User;
import org.paymenter.ext.api.gateway.AgreementRequest;
import org.paymenter.ext.api.gateway.PaymentRequest;

import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.ProductData;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData.Recurring;

/**
 * What a Checkout Session is created with: one line for the amount to pay (which may be what remains of
 * the invoice, not its total), the invoice id as {@code client_reference_id} and as {@code metadata[invoice_id]}
 * on the session and on the payment intent or subscription it creates, so every later webhook names it.
 */
final class CheckoutSessionParams {

    private CheckoutSessionParams() {
    }

    /** A one-time payment ({@code mode=payment}) or the first period of a subscription ({@code mode=subscription}). */
    static SessionCreateParams forPayment(StripeSettings settings, PaymentRequest request, String customerOrNull) {
        String invoiceId = request.invoice().id();
        String description = Descriptions.forInvoice(request.invoice());
        PriceData.Builder price = PriceData.builder()
                .setCurrency(MinorUnits.stripeCode(request.invoice().currency()))
                .setUnitAmount(MinorUnits.toMinor(request.amount(), request.invoice().currency()))
                .setProductData(ProductData.builder().setName(description).build());
        SessionCreateParams.Builder session = base(request.returnUrl(), request.cancelUrl(), customerOrNull,
                request.user())
                .setClientReferenceId(invoiceId)
                .putMetadata(StripeDefaults.INVOICE_ID, invoiceId);
        if (settings.subscription()) {
            price.setRecurring(Recurring.builder().setInterval(interval(settings.interval()))
                    .setIntervalCount(settings.intervalCount()).build());
            session.setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                    .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                            .setDescription(description)
                            .putMetadata(StripeDefaults.INVOICE_ID, invoiceId).build());
        } else {
            session.setMode(SessionCreateParams.Mode.PAYMENT)
                    .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                            .setDescription(description)
                            .putMetadata(StripeDefaults.INVOICE_ID, invoiceId).build());
        }
        return session.addLineItem(LineItem.builder().setQuantity(1L).setPriceData(price.build()).build()).build();
    }

    /** Saving a card for off-session charges ({@code mode=setup}); the setup intent carries the user id. */
    static SessionCreateParams forAgreement(AgreementRequest request, String customer) {
        return base(request.returnUrl(), request.cancelUrl(), customer, request.user())
                .setMode(SessionCreateParams.Mode.SETUP)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .putMetadata(StripeDefaults.USER_ID, request.user().id())
                .setSetupIntentData(SessionCreateParams.SetupIntentData.builder()
                        .putMetadata(StripeDefaults.USER_ID, request.user().id())
                        .putMetadata(StripeDefaults.IS_BILLING_AGREEMENT, "1").build())
                .build();
    }

    private static SessionCreateParams.Builder base(String returnUrl, String cancelUrl, String customerOrNull,
            User user) {
        if (returnUrl == null || returnUrl.isBlank()) {
            throw new ExtensionException("Stripe Checkout needs a returnUrl to send the customer back to");
        }
        SessionCreateParams.Builder session = SessionCreateParams.builder().setSuccessUrl(returnUrl);
        if (cancelUrl != null && !cancelUrl.isBlank()) {
            session.setCancelUrl(cancelUrl);
        }
        if (customerOrNull != null) {
            session.setCustomer(customerOrNull);
        } else if (user != null && user.email() != null && !user.email().isBlank()) {
            session.setCustomerEmail(user.email());
        }
        return session;
    }

    private static Recurring.Interval interval(String name) {
        try {
            return Recurring.Interval.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ExtensionException("'" + name + "' is not a Stripe subscription interval (day, week, month, "
                    + "year)", e);
        }
    }
}
