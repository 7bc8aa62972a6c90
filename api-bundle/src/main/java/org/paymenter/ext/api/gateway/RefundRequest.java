package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;

/** Refund {@code amount} of a transaction; a null amount refunds what is left of it. */
public record RefundRequest(String transactionId, BigDecimal amount, String currency) {
}
