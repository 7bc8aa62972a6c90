package org.paymenter.ext.gateways.stripe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

import org.paymenter.ext.api.ExtensionException;

/**
 * Amounts as Stripe's API takes them: integers in the currency's smallest unit (stripe.com/docs/currencies).
 * Most currencies have two decimals (19.99 EUR = 1999); the zero-decimal ones are sent as they are
 * (500 JPY = 500); the three-decimal ones times 1000 with the last digit 0, i.e. rounded to the nearest ten
 * as Stripe requires (5.124 KWD = 5120); ISK is sent with two decimals that must be zero.
 */
final class MinorUnits {

    /** Stripe's zero-decimal currencies. */
    static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG",
            "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");
    /** Stripe's three-decimal currencies. */
    static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");
    /** Two decimals in the API, but only whole units can be charged (Stripe's "special cases"). */
    static final Set<String> WHOLE_UNITS_ONLY = Set.of("ISK");

    private MinorUnits() {
    }

    /** How many decimals Stripe's API amounts carry for {@code currency}. */
    static int exponent(String currency) {
        String code = code(currency);
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        return THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    /**
     * {@code amount} in minor units.
     *
     * @throws ExtensionException when the amount has more decimals than the currency can be charged in
     *                            (1000.50 JPY, 10.005 EUR, 5.50 ISK): charging a rounded amount silently would
     *                            leave the invoice over- or under-paid
     */
    static long toMinor(BigDecimal amount, String currency) {
        String code = code(currency);
        int decimals = WHOLE_UNITS_ONLY.contains(code) ? 0 : exponent(code);
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw new ExtensionException("Stripe cannot charge " + amount.toPlainString() + " " + code + ": "
                    + code + " amounts may have at most " + decimals + " decimal" + (decimals == 1 ? "" : "s"));
        }
        BigDecimal minor = amount.movePointRight(exponent(code));
        if (THREE_DECIMAL.contains(code)) {
            // Stripe's rule for three-decimal currencies: the last digit must be 0.
            minor = minor.divide(BigDecimal.TEN, 0, RoundingMode.HALF_UP).multiply(BigDecimal.TEN);
        }
        try {
            return minor.longValueExact();
        } catch (ArithmeticException e) {
            throw new ExtensionException("amount " + amount.toPlainString() + " " + code + " is too large for Stripe", e);
        }
    }

    /** Stripe's integer {@code minor} back as an exact decimal with the currency's scale (1999 EUR = 19.99). */
    static BigDecimal toDecimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, exponent(currency));
    }

    /** Upper-case ISO code; Stripe answers in lower case. */
    static String code(String currency) {
        if (currency == null || currency.isBlank()) {
            throw new ExtensionException("a currency is required");
        }
        return currency.trim().toUpperCase(Locale.ROOT);
    }

    /** Lower-case, as Stripe's API wants it. */
    static String stripeCode(String currency) {
        return code(currency).toLowerCase(Locale.ROOT);
    }
}
