package org.paymenter.ext.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.gateway.BillingAgreement;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** The contract's records as JSON, both ways, with the HTTP bundle's one mapper. */
class JsonTest {

    @Test
    void aBillingAgreementsExpiryIsAnIsoDateBothWays() throws Exception {
        BillingAgreement agreement = Json.MAPPER.readValue("{\"externalReference\": \"pm_1\", \"userId\": \"7\", "
                + "\"name\": \"Visa **** 4242\", \"type\": \"visa\", \"expiry\": \"2027-12-31\"}", BillingAgreement.class);

        assertThat(agreement.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(Json.MAPPER.writeValueAsString(agreement)).contains("\"expiry\":\"2027-12-31\"");
    }

    @Test
    void aDateThatIsNotIsoIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"expiry\": \"31/12/2027\"}", BillingAgreement.class))
                .isInstanceOf(InvalidFormatException.class).hasMessageContaining("not an ISO date like 2027-12-31");
    }
}
