package org.paymenter.ext.gateways.stripe;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.gateway.Refund;
import org.paymenter.ext.api.gateway.RefundRequest;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.RefundCreateParams;

/**
 * Refunds a payment by its transaction id (the payment intent, as webhooks record it; a charge id works
 * too): all that is left of it when no amount is given, else that amount in minor units.
 */
final class StripeRefunds {

    private StripeRefunds() {
    }

    static Refund refund(StripeClient stripe, RefundRequest request) {
        String transaction = request.transactionId();
        RefundCreateParams.Builder params = RefundCreateParams.builder();
        if (transaction.startsWith("pi_")) {
            params.setPaymentIntent(transaction);
        } else if (transaction.startsWith("ch_") || transaction.startsWith("py_")) {
            params.setCharge(transaction);
        } else {
            throw new ExtensionException("'" + transaction + "' is not a Stripe payment intent (pi_...) or charge "
                    + "(ch_...) id, so Stripe cannot refund it");
        }
        try {
            if (request.amount() != null) {
                String currency = request.currency() != null ? request.currency() : currencyOf(stripe, transaction);
                params.setAmount(MinorUnits.toMinor(request.amount(), currency));
            }
            com.stripe.model.Refund refund = stripe.v1().refunds().create(params.build());
            return new Refund(refund.getId(), transaction,
                    MinorUnits.toDecimal(refund.getAmount(), refund.getCurrency()),
                    MinorUnits.code(refund.getCurrency()), refund.getStatus());
        } catch (StripeException e) {
            throw StripeFailures.of("refunding " + transaction, e);
        }
    }

    /** A partial refund needs the payment's currency to be put in minor units; Stripe knows it. */
    private static String currencyOf(StripeClient stripe, String transaction) throws StripeException {
        return transaction.startsWith("pi_") ? stripe.v1().paymentIntents().retrieve(transaction).getCurrency()
                : stripe.v1().charges().retrieve(transaction).getCurrency();
    }
}
