package org.paymenter.ext.testkit;

import org.paymenter.ext.testkit.samples.failing.FailingServer;

/** Sample bundles the admin API tests need besides those of {@link Samples}. */
public final class ApiSamples {

    public static final String FAILING_BSN = "test.sample.failing";

    private ApiSamples() {
    }

    /** {@link FailingServer}: up and serving, but its operations throw. */
    public static TestBundle failing() {
        return TestBundle.named(FAILING_BSN).withPackage(FailingServer.class);
    }
}
