package org.paymenter.ext.api.server;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.InstanceConfig;

/** Capability: applies new product settings to an existing service (CPU, memory, disk, plan). */
@ConsumerType
public interface Upgradable {

    /** {@code request} carries the new settings and properties. */
    ServerResult upgrade(InstanceConfig config, ServiceRequest request);
}
