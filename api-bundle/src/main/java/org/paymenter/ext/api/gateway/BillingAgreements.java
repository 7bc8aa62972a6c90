package org.paymenter.ext.api.gateway;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.InstanceConfig;

/**
 * Capability: saved payment methods. The payment a {@link #charge} starts is usually recorded later, by
 * the provider's webhook.
 */
@ConsumerType
public interface BillingAgreements {

    /** Where the customer saves a payment method (a redirect or an embedded form). */
    PaymentStart createAgreement(InstanceConfig config, AgreementRequest request);

    /** @return true when the provider accepted the charge */
    boolean charge(InstanceConfig config, ChargeRequest request);

    /** @return true when the provider no longer holds the method */
    boolean cancelAgreement(InstanceConfig config, BillingAgreement agreement);
}
