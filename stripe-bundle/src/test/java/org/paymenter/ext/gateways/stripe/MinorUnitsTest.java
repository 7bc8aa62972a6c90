package org.paymenter.ext.gateways.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.paymenter.ext.api.ExtensionException;

class MinorUnitsTest {

    @ParameterizedTest(name = "{0} {1} is sent as {2}")
    @CsvSource({
            "19.99, EUR, 1999",
            "19.9, usd, 1990",
            "20, GBP, 2000",
            "0.01, EUR, 1",
            "500, JPY, 500",
            "500.00, JPY, 500",
            "15000, KRW, 15000",
            "1200, XOF, 1200",
            "5.124, KWD, 5120",
            "5.125, KWD, 5130",
            "1.5, BHD, 1500",
            "5, ISK, 500",
            "5.00, ISK, 500",
            "1234.56, HUF, 123456" })
    void amountsGoToStripeInTheCurrencysMinorUnits(String amount, String currency, long minor) {
        assertThat(MinorUnits.toMinor(new BigDecimal(amount), currency)).isEqualTo(minor);
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({ "1000.50, JPY", "0.5, KRW", "10.005, EUR", "5.50, ISK", "5.1245, KWD" })
    void amountsFinerThanTheCurrencyAllowsAreRefusedNotRounded(String amount, String currency) {
        assertThatThrownBy(() -> MinorUnits.toMinor(new BigDecimal(amount), currency))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("Stripe cannot charge " + amount)
                .hasMessageContaining("decimal");
    }

    @ParameterizedTest(name = "{0} {1} comes back as {2}")
    @CsvSource({ "1999, eur, 19.99", "500, jpy, 500", "5120, kwd, 5.120", "500, isk, 5.00", "1, usd, 0.01" })
    void stripeAmountsComeBackAsExactDecimals(long minor, String currency, String decimal) {
        BigDecimal back = MinorUnits.toDecimal(minor, currency);

        assertThat(back).isEqualTo(new BigDecimal(decimal));
        assertThat(back.toPlainString()).isEqualTo(decimal);
    }

    @ParameterizedTest(name = "{0} has {1} decimals in Stripe's API")
    @CsvSource({ "EUR, 2", "JPY, 0", "jpy, 0", "KRW, 0", "VND, 0", "UGX, 0", "KWD, 3", "TND, 3", "ISK, 2" })
    void everyZeroAndThreeDecimalCurrencyIsKnown(String currency, int exponent) {
        assertThat(MinorUnits.exponent(currency)).isEqualTo(exponent);
    }

    @ParameterizedTest(name = "{0} {1} survives the round trip")
    @CsvSource({ "19.99, EUR", "500, JPY", "5.120, KWD", "123456.78, USD" })
    void aChargedAmountReadBackEqualsTheInvoiceAmount(String amount, String currency) {
        BigDecimal original = new BigDecimal(amount);

        BigDecimal back = MinorUnits.toDecimal(MinorUnits.toMinor(original, currency), currency);

        assertThat(back).isEqualByComparingTo(original);
    }
}
