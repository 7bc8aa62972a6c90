package org.paymenter.ext.testkit;

import org.paymenter.ext.testkit.samples.activator.ThrowingActivator;
import org.paymenter.ext.testkit.samples.consumer.GreetingConsumer;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.hanging.HangingServer;
import org.paymenter.ext.testkit.samples.library.Greeting;
import org.paymenter.ext.testkit.samples.libuser.GreetingUser;
import org.paymenter.ext.testkit.samples.other.SampleOther;
import org.paymenter.ext.testkit.samples.server.SampleServer;
import org.paymenter.ext.testkit.samples.throwing.ThrowingServer;

/**
 * The sample extensions as ready-to-build bundles (version 1.0.0 unless changed), and how to find their
 * services: by interface name and component name, never by casting to an api type.
 */
public final class Samples {

    public static final String SERVER_EXTENSION = "org.paymenter.ext.api.server.ServerExtension";
    public static final String GATEWAY_EXTENSION = "org.paymenter.ext.api.gateway.GatewayExtension";
    public static final String OTHER_EXTENSION = "org.paymenter.ext.api.other.OtherExtension";

    public static final String SERVER_BSN = "test.sample.server";
    public static final String GATEWAY_BSN = "test.sample.gateway";
    public static final String OTHER_BSN = "test.sample.other";
    public static final String THROWING_BSN = "test.sample.throwing";
    public static final String ACTIVATOR_BSN = "test.sample.activator";
    public static final String HANGING_BSN = "test.sample.hanging";
    public static final String CONSUMER_BSN = "test.sample.consumer";
    public static final String LIBRARY_BSN = "test.sample.library";
    public static final String LIBUSER_BSN = "test.sample.libuser";

    private Samples() {
    }

    public static TestBundle server() {
        return TestBundle.named(SERVER_BSN).withPackage(SampleServer.class);
    }

    public static TestBundle gateway() {
        return TestBundle.named(GATEWAY_BSN).withPackage(SampleGateway.class);
    }

    public static TestBundle other() {
        return TestBundle.named(OTHER_BSN).withPackage(SampleOther.class);
    }

    /** A DS component whose activation throws {@link ThrowingServer#MESSAGE}. */
    public static TestBundle throwing() {
        return TestBundle.named(THROWING_BSN).withPackage(ThrowingServer.class);
    }

    /** A bundle whose activator throws {@link ThrowingActivator#MESSAGE}. */
    public static TestBundle throwingActivator() {
        return TestBundle.named(ACTIVATOR_BSN).activator(ThrowingActivator.class);
    }

    public static TestBundle hanging() {
        return TestBundle.named(HANGING_BSN).withPackage(HangingServer.class);
    }

    public static TestBundle consumer() {
        return TestBundle.named(CONSUMER_BSN).withPackage(GreetingConsumer.class);
    }

    /** Exports the package of {@link Greeting}. */
    public static TestBundle library() {
        return TestBundle.named(LIBRARY_BSN).exporting(Greeting.class);
    }

    /** Imports the package of {@link Greeting}: resolves only beside {@link #library()}. */
    public static TestBundle libraryUser() {
        return TestBundle.named(LIBUSER_BSN).withPackage(GreetingUser.class);
    }

    /** {@code (component.name=<class>)}: DS names a component after its class. */
    public static String component(Class<?> type) {
        return "(component.name=" + type.getName() + ")";
    }
}
