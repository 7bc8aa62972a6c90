package org.paymenter.ext.api.gateway;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.http.HttpRequest;

/** Takes payments through one provider (Paymenter's gateway extensions, spec §1.7). */
@ConsumerType
public interface GatewayExtension extends Extension {

    /** Starts a payment; the customer is sent to, or shown, what this returns. */
    PaymentStart pay(InstanceConfig config, PaymentRequest request);

    /**
     * Verifies a call the provider made to {@code POST /api/v1/webhooks/{name}/{instanceId}} and returns
     * the payment facts it proves.
     *
     * @throws WebhookRejectedException when the call cannot be proved genuine
     */
    WebhookResult webhook(InstanceConfig config, HttpRequest request);
}
