package org.paymenter.ext.testkit.fakes.stripe;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How money moves in the fake account: a succeeded payment intent gets a charge and a balance transaction
 * with Stripe's fee (2.9 % + 30 minor units, rounded half up), refunds reduce what is left to refund.
 */
final class Charging {

    /** Test cards whose last four digits make a charge fail, as Stripe's test cards do. */
    static final String DECLINED_LAST4 = "0002";

    private final StripeStore store;

    Charging(StripeStore store) {
        this.store = store;
    }

    /** A card payment method, unattached unless {@code customer} is given. */
    ObjectNode cardPaymentMethod(String brand, String last4, String customer) {
        ObjectNode pm = store.create("pm_", "payment_method");
        pm.put("type", "card");
        ObjectNode card = pm.putObject("card");
        card.put("brand", brand);
        card.put("last4", last4);
        card.put("exp_month", 12);
        card.put("exp_year", Instant.now().atZone(java.time.ZoneOffset.UTC).getYear() + 3);
        card.put("country", "US");
        card.put("funding", "credit");
        pm.putObject("billing_details").putNull("email");
        pm.put("customer", customer);
        pm.putObject("metadata");
        return pm;
    }

    /**
     * Charges {@code paymentMethod} for {@code pi}. A declined test card leaves the intent in
     * {@code requires_payment_method} and answers 402, as Stripe does.
     */
    ObjectNode succeed(ObjectNode pi, ObjectNode paymentMethod) {
        long amount = pi.path("amount").asLong();
        String currency = pi.path("currency").asText();
        ObjectNode charge = store.create("ch_", "charge");
        charge.put("amount", amount);
        charge.put("currency", currency);
        charge.put("customer", pi.path("customer").asText(null));
        charge.put("payment_intent", pi.path("id").asText());
        charge.put("payment_method", paymentMethod.path("id").asText());
        charge.set("metadata", pi.path("metadata").deepCopy());
        charge.put("description", pi.path("description").asText(null));
        ObjectNode details = charge.putObject("payment_method_details");
        details.put("type", "card");
        details.set("card", paymentMethod.path("card").deepCopy());
        charge.put("amount_refunded", 0);
        charge.put("refunded", false);
        pi.put("payment_method", paymentMethod.path("id").asText());
        pi.put("latest_charge", charge.path("id").asText());
        if (DECLINED_LAST4.equals(paymentMethod.path("card").path("last4").asText())) {
            charge.put("status", "failed");
            charge.put("paid", false);
            charge.put("captured", false);
            charge.put("amount_captured", 0);
            charge.putNull("balance_transaction");
            charge.put("failure_code", "card_declined");
            charge.put("failure_message", "Your card was declined.");
            pi.put("status", "requires_payment_method");
            pi.put("amount_received", 0);
            ObjectNode lastError = pi.putObject("last_payment_error");
            lastError.put("code", "card_declined");
            lastError.put("decline_code", "generic_decline");
            lastError.put("message", "Your card was declined.");
            lastError.put("type", "card_error");
            throw StripeError.cardDeclined(charge.path("id").asText(), pi.deepCopy());
        }
        ObjectNode txn = balanceTransaction(charge.path("id").asText(), "charge", amount, currency, fee(amount));
        charge.put("status", "succeeded");
        charge.put("paid", true);
        charge.put("captured", true);
        charge.put("amount_captured", amount);
        charge.put("balance_transaction", txn.path("id").asText());
        pi.put("status", "succeeded");
        pi.put("amount_received", amount);
        pi.putNull("last_payment_error");
        return charge;
    }

    /** Refunds {@code amount} (or what is left, when null) of {@code charge}. */
    ObjectNode refund(ObjectNode charge, Long amount, ObjectNode metadata) {
        long left = charge.path("amount").asLong() - charge.path("amount_refunded").asLong();
        if (left <= 0) {
            throw StripeError.invalid(null, "Charge " + charge.path("id").asText() + " has already been refunded.");
        }
        long refunded = amount == null ? left : amount;
        if (refunded > left) {
            throw StripeError.invalid("amount", "Refund amount (" + refunded + ") is greater than unrefunded amount on "
                    + "charge (" + left + ")");
        }
        String currency = charge.path("currency").asText();
        ObjectNode refund = store.create("re_", "refund");
        refund.put("amount", refunded);
        refund.put("charge", charge.path("id").asText());
        refund.put("currency", currency);
        refund.put("payment_intent", charge.path("payment_intent").asText(null));
        refund.putNull("reason");
        refund.put("status", "succeeded");
        refund.set("metadata", metadata);
        ObjectNode txn = balanceTransaction(refund.path("id").asText(), "refund", -refunded, currency, 0);
        refund.put("balance_transaction", txn.path("id").asText());
        charge.put("amount_refunded", charge.path("amount_refunded").asLong() + refunded);
        charge.put("refunded", charge.path("amount_refunded").asLong() == charge.path("amount").asLong());
        return refund;
    }

    static long fee(long amount) {
        return Math.round(amount * 0.029) + 30;
    }

    private ObjectNode balanceTransaction(String source, String type, long amount, String currency, long fee) {
        ObjectNode txn = store.create("txn_", "balance_transaction");
        txn.put("amount", amount);
        txn.put("currency", currency);
        txn.put("fee", fee);
        ObjectNode feeDetail = txn.putArray("fee_details").addObject();
        feeDetail.put("amount", fee);
        feeDetail.put("currency", currency);
        feeDetail.put("type", "stripe_fee");
        feeDetail.put("description", "Stripe processing fees");
        txn.put("net", amount - fee);
        txn.put("source", source);
        txn.put("status", "pending");
        txn.put("type", type);
        txn.putNull("exchange_rate");
        txn.put("available_on", Instant.now().plus(2, ChronoUnit.DAYS).getEpochSecond());
        txn.put("reporting_category", type);
        return txn;
    }
}
