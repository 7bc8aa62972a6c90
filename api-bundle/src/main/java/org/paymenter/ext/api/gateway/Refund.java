package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;

/** A refund as the provider reports it; {@code status} is the provider's word (pending, succeeded, ...). */
public record Refund(String refundId, String transactionId, BigDecimal amount, String currency, String status) {
}
