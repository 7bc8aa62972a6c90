package org.paymenter.ext.runtime.deploy;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * Told before a bundle is uninstalled because its jar left the folder (not on an upgrade, not on a stop),
 * while its services are still registered. Registered as a service; called on the deployer's thread
 * with a time limit, so it must not block.
 */
@ConsumerType
public interface RemovalListener {

    void removing(Bundle bundle);
}
