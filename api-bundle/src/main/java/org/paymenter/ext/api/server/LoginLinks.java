package org.paymenter.ext.api.server;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.InstanceConfig;

/** Capability: a (usually short-lived, single-sign-on) URL that logs the customer into the remote panel. */
@ConsumerType
public interface LoginLinks {

    String loginUrl(InstanceConfig config, ServiceRequest request);
}
