package org.paymenter.ext.api.gateway;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.InstanceConfig;

/** Capability: gives money back, fully or in part. */
@ConsumerType
public interface Refunds {

    Refund refund(InstanceConfig config, RefundRequest request);
}
