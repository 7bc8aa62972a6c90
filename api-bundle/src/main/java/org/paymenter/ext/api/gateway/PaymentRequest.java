package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;

import org.paymenter.ext.api.User;

/**
 * Start paying {@code amount} of {@code invoice} (Paymenter's {@code pay(invoice, total)}; the amount is
 * what remains to be paid, not necessarily the invoice total).
 */
public record PaymentRequest(Invoice invoice, User user, BigDecimal amount, String returnUrl, String cancelUrl) {
}
