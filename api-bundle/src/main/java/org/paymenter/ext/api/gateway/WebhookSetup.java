package org.paymenter.ext.api.gateway;

import java.net.URI;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.InstanceConfig;

/**
 * Capability: registers the instance's webhook URL with the provider (Paymenter's webhook auto-setup), so
 * an admin does not have to copy a signing secret by hand.
 */
@ConsumerType
public interface WebhookSetup {

    /**
     * Makes the provider call {@code webhookUrl} for the events this gateway reads.
     *
     * @return config values to store on the instance (e.g. the signing secret the provider shows only once);
     *         the host stores them like any other value, encrypted when the field is secret, and never
     *         returns them
     */
    Map<String, Object> setUpWebhook(InstanceConfig config, URI webhookUrl);
}
