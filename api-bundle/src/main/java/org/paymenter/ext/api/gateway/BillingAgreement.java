package org.paymenter.ext.api.gateway;

import java.time.LocalDate;

/**
 * A saved payment method the provider may charge without the customer present.
 *
 * @param externalReference the provider's id (Stripe payment method, PayPal vault token)
 * @param name              what the customer sees ("Visa **** 4242")
 * @param type              {@code visa}, {@code paypal}, ... or null
 * @param expiry            when it stops working, or null
 */
public record BillingAgreement(String externalReference, String userId, String name, String type,
        LocalDate expiry) {
}
