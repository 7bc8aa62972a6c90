package org.paymenter.ext.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void usesTheCurrencysExponent() {
        assertThat(MinorUnits.toMinor(new BigDecimal("10.50"), "USD")).isEqualTo(1050);
        assertThat(MinorUnits.toMinor(new BigDecimal("10.5"), "USD")).isEqualTo(1050);
        assertThat(MinorUnits.toMinor(new BigDecimal("1000"), "JPY")).isEqualTo(1000);
        assertThat(MinorUnits.toMinor(new BigDecimal("1.234"), "BHD")).isEqualTo(1234);
        assertThat(MinorUnits.toMinor(new BigDecimal("1E+3"), "JPY")).isEqualTo(1000);
    }

    @Test
    void convertsBackWithTheCurrencysScale() {
        assertThat(MinorUnits.toDecimal(1050, "USD").toPlainString()).isEqualTo("10.50");
        assertThat(MinorUnits.toDecimal(1000, "JPY").toPlainString()).isEqualTo("1000");
        assertThat(MinorUnits.toDecimal(1234, "BHD").toPlainString()).isEqualTo("1.234");
        assertThat(MinorUnits.toDecimal(-5, "EUR").toPlainString()).isEqualTo("-0.05");
    }

    @Test
    void unknownCurrenciesAndThoseWithoutMinorUnitsCountAsTwoDecimals() {
        assertThat(MinorUnits.exponent("XYZ")).isEqualTo(2);
        assertThat(MinorUnits.exponent("XAU")).isEqualTo(2);
        assertThat(MinorUnits.toMinor(new BigDecimal("3.21"), "XYZ")).isEqualTo(321);
    }

    @Test
    void neverRounds() {
        assertThatThrownBy(() -> MinorUnits.toMinor(new BigDecimal("10.001"), "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD has 2 decimal places");
        assertThatThrownBy(() -> MinorUnits.toMinor(new BigDecimal("10.5"), "JPY"))
                .hasMessageContaining("JPY has 0 decimal places");
        assertThatThrownBy(() -> MinorUnits.toMinor(new BigDecimal("1E+30"), "USD"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
