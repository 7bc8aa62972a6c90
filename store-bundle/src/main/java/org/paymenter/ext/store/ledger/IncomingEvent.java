package org.paymenter.ext.store.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import org.paymenter.ext.api.gateway.PaymentEvent;
import org.paymenter.ext.api.gateway.PaymentStatus;

/**
 * A gateway's payment event, checked before it goes near the database: lengths fit the columns, the
 * currency is three letters (upper-cased), an amount comes with its currency and fits it exactly.
 */
record IncomingEvent(String invoiceId, String transactionId, BigDecimal amount, String currency, BigDecimal fee,
        PaymentStatus status, String subscriptionId) {

    static final int MAX_INVOICE_ID = 100;
    static final int MAX_TRANSACTION_ID = 255;
    static final int MAX_SUBSCRIPTION_ID = 255;
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    /** @throws IllegalArgumentException with a sentence naming what is wrong */
    static IncomingEvent of(PaymentEvent event) {
        String tx = event.transactionId();
        if (tx.isBlank() || tx.length() > MAX_TRANSACTION_ID) {
            throw new IllegalArgumentException("transaction id must be 1 to " + MAX_TRANSACTION_ID + " characters");
        }
        if (event.invoiceId() != null && event.invoiceId().length() > MAX_INVOICE_ID) {
            throw new IllegalArgumentException("invoice id of transaction " + tx + " is longer than " + MAX_INVOICE_ID);
        }
        if (event.subscriptionId() != null
                && (event.subscriptionId().isBlank() || event.subscriptionId().length() > MAX_SUBSCRIPTION_ID)) {
            throw new IllegalArgumentException("subscription id of transaction " + tx + " must be 1 to "
                    + MAX_SUBSCRIPTION_ID + " characters");
        }
        String currency = event.currency();
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency of transaction " + tx + " must be an ISO 4217 code, not '"
                    + currency + "'");
        }
        currency = currency == null ? null : currency.toUpperCase(Locale.ROOT);
        if (event.amount() != null) {
            if (currency == null) {
                throw new IllegalArgumentException("transaction " + tx + " has an amount but no currency");
            }
            MinorUnits.toMinor(event.amount(), currency);
        }
        if (event.fee() != null && currency != null) {
            MinorUnits.toMinor(event.fee(), currency);
        }
        return new IncomingEvent(event.invoiceId(), tx, event.amount(), currency, event.fee(), event.status(),
                event.subscriptionId());
    }
}
