package org.paymenter.ext.testkit.samples.activator;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A bundle activator that refuses to start. */
public class ThrowingActivator implements BundleActivator {

    public static final String MESSAGE = "activator refuses to start";

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
