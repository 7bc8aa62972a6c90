package org.paymenter.ext.core.registry;

import org.paymenter.ext.core.api.ExtensionInfo;

/**
 * Told when an extension becomes the one serving its category/name: when it is registered, or when it takes
 * over from a removed one after a conflict. Registered as a service (whiteboard); a listener that arrives late
 * is told about every extension serving at that moment. Called on the registering thread: return quickly.
 */
public interface ExtensionActivationListener {

    void activated(ExtensionInfo extension);
}
