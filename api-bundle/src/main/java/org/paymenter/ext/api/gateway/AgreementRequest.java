package org.paymenter.ext.api.gateway;

import org.paymenter.ext.api.User;

/** Let {@code user} save a payment method, coming back to {@code returnUrl}. */
public record AgreementRequest(User user, String returnUrl, String cancelUrl) {
}
