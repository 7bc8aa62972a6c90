package org.paymenter.ext.testkit.samples.consumer;

import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.paymenter.ext.api.server.ServerExtension;

/**
 * A long-lived consumer of the sample server, holding it through a dynamic, greedy reference (the way
 * extension consumers must). Offered as a {@code Supplier<String>} (a JDK type, so a test may cast it)
 * that says which version it is bound to: {@code "sampleserver 1.1.0"}, or {@code "none"}.
 */
@Component(service = Supplier.class, property = GreetingConsumer.PROPERTY + "=true")
public class GreetingConsumer implements Supplier<String> {

    /** The service property that marks this consumer. */
    public static final String PROPERTY = "testkit.greeting.consumer";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY,
            target = "(component.name=org.paymenter.ext.testkit.samples.server.SampleServer)")
    private volatile ServerExtension server;

    @Override
    public String get() {
        ServerExtension bound = server;
        return bound == null ? "none" : bound.metadata().name() + " " + bound.metadata().version();
    }
}
