package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;

/** Charge {@code amount} of {@code invoice} to a saved payment method, off-session. */
public record ChargeRequest(Invoice invoice, BigDecimal amount, BillingAgreement agreement) {
}
