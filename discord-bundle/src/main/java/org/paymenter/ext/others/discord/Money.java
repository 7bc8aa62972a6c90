package org.paymenter.ext.others.discord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Amounts as the embed shows them. Paymenter sends ready-made text ({@code formatted_total: "€10.00"});
 * without it the amount is shown with its currency's decimals and code ({@code "10.00 EUR"}).
 */
final class Money {

    private Money() {
    }

    /**
     * @param model            the model holding the amount
     * @param field            the amount's attribute ({@code total}, {@code price}, {@code amount})
     * @param fallbackCurrency the currency when the model names none (an invoice item's invoice), or ""
     */
    static String format(EventModel model, String field, String fallbackCurrency) {
        Optional<String> ready = model.text("formatted_" + field);
        if (ready.isPresent()) {
            return ready.get();
        }
        Optional<String> amount = model.text(field);
        if (amount.isEmpty()) {
            return "-";
        }
        String currency = currency(model).orElse(fallbackCurrency);
        return (decimals(amount.get(), currency) + " " + currency).trim();
    }

    /** The model's currency code ({@code currency_code} in Paymenter, {@code currency} here). */
    static Optional<String> currency(EventModel model) {
        return model.text("currency_code").or(() -> model.text("currency")).map(c -> c.toUpperCase(Locale.ROOT));
    }

    private static String decimals(String amount, String currency) {
        try {
            BigDecimal value = new BigDecimal(amount.trim());
            int digits = currencyDigits(currency);
            return (digits < 0 ? value : value.setScale(digits, RoundingMode.HALF_UP)).toPlainString();
        } catch (NumberFormatException e) {
            return amount; // not a number: show what the panel sent
        }
    }

    private static int currencyDigits(String code) {
        try {
            return code.isEmpty() ? 2 : Currency.getInstance(code).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            return 2; // an unknown code: most currencies have cents
        }
    }
}
