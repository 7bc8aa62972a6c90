package org.paymenter.ext.gateways.stripe;

import org.paymenter.ext.api.InvalidRequestException;
import org.paymenter.ext.api.gateway.Refund;
import org.paymenter.ext.api.gateway.RefundRequest;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;

/**
 * Refunds a payment by its transaction id (the payment intent, as webhooks record it; a charge id works
 * too): all that is left of it when no amount is given, else that amount in minor units.
 *
 * <p>The idempotency key is made from the payment and the amount, not drawn at random per call: a panel that
 * retries after a timeout (the refund may have been made while it waited) gets the first refund back from
 * Stripe instead of a second one. Stripe keeps keys for 24 hours.
 */
final class StripeRefunds {

    private static final String IDEMPOTENCY_PREFIX = "paymenter-refund-";

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
            throw new InvalidRequestException("transactionId", "'" + transaction + "' is not a Stripe payment intent (pi_...) or charge "
                    + "(ch_...) id, so Stripe cannot refund it");
        }
        try {
            String amountKey = "rest";
            if (request.amount() != null) {
                String currency = request.currency() != null ? request.currency() : currencyOf(stripe, transaction);
                long minor = MinorUnits.toMinor(request.amount(), currency);
                params.setAmount(minor);
                amountKey = minor + MinorUnits.code(currency);
            }
            RequestOptions once = RequestOptions.builder()
                    .setIdempotencyKey(IDEMPOTENCY_PREFIX + transaction + "-" + amountKey).build();
            com.stripe.model.Refund refund = stripe.v1().refunds().create(params.build(), once);
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
