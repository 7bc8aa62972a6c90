package org.paymenter.ext.store.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Exact conversion between decimal amounts and whole minor units: the currency's exponent comes from ISO
 * 4217 ({@link Currency}: USD 2, JPY 0, BHD 3); a code the JDK does not know, or one without minor units
 * (gold), counts as 2. Nothing is ever rounded: an amount finer than its currency allows is refused.
 */
public final class MinorUnits {

    static final int UNKNOWN_EXPONENT = 2;

    private MinorUnits() {
    }

    public static int exponent(String currency) {
        if (currency == null) {
            return UNKNOWN_EXPONENT;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? UNKNOWN_EXPONENT : digits;
        } catch (IllegalArgumentException e) {
            return UNKNOWN_EXPONENT;
        }
    }

    /**
     * {@code 10.5 USD} is 1050.
     *
     * @throws IllegalArgumentException when the amount has more decimals than the currency, or is too large
     */
    public static long toMinor(BigDecimal amount, String currency) {
        int exponent = exponent(currency);
        try {
            return amount.setScale(exponent, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " " + currency
                    + " cannot be stored exactly: " + currency + " has " + exponent + " decimal places"
                    + " (or the amount is out of range)", e);
        }
    }

    /** 1050 USD cents is {@code 10.50}; the scale is always the currency's exponent. */
    public static BigDecimal toDecimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, exponent(currency));
    }
}
