package org.paymenter.ext.api.server;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.InstanceConfig;

/** Capability: buttons and texts on the customer's service page, and running them. */
@ConsumerType
public interface ServiceActions {

    List<Action> actions(InstanceConfig config, ServiceRequest request);

    /**
     * Runs the action whose {@link Action#function()} is {@code function}.
     *
     * @return the URL to send the customer to
     */
    String runAction(InstanceConfig config, ServiceRequest request, String function);
}
