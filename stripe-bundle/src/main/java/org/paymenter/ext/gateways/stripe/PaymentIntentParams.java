package org.paymenter.ext.gateways.stripe;

import org.paymenter.ext.api.gateway.ChargeRequest;
import org.paymenter.ext.api.gateway.PaymentRequest;

import com.stripe.param.PaymentIntentCreateParams;

/** What a PaymentIntent is created with, for Stripe.js and for off-session charges of saved methods. */
final class PaymentIntentParams {

    private PaymentIntentParams() {
    }

    /** An intent the customer confirms in the browser with its client secret (Paymenter's own flow). */
    static PaymentIntentCreateParams forPayment(PaymentRequest request, String customerOrNull) {
        PaymentIntentCreateParams.Builder intent = PaymentIntentCreateParams.builder()
                .setAmount(MinorUnits.toMinor(request.amount(), request.invoice().currency()))
                .setCurrency(MinorUnits.stripeCode(request.invoice().currency()))
                .setDescription(Descriptions.forInvoice(request.invoice()))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true).build())
                .putMetadata(StripeDefaults.INVOICE_ID, request.invoice().id());
        if (customerOrNull != null) {
            intent.setCustomer(customerOrNull);
        }
        return intent.build();
    }

    /** Charges a saved method now, the customer absent; confirmed in the same call. */
    static PaymentIntentCreateParams forCharge(ChargeRequest request, String customer) {
        String method = request.agreement().externalReference();
        return PaymentIntentCreateParams.builder()
                .setAmount(MinorUnits.toMinor(request.amount(), request.invoice().currency()))
                .setCurrency(MinorUnits.stripeCode(request.invoice().currency()))
                .setDescription(Descriptions.forInvoice(request.invoice()))
                .setCustomer(customer)
                .setPaymentMethod(method)
                .setOffSession(true)
                .setConfirm(true)
                .putMetadata(StripeDefaults.INVOICE_ID, request.invoice().id())
                .putMetadata(StripeDefaults.BILLING_AGREEMENT, method)
                .build();
    }
}
