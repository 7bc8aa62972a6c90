package org.paymenter.ext.core.logging;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.LogReaderService;

/** Attaches a {@link LogForwarder} to whichever OSGi log reader is present, if any. */
@Component(service = {}, immediate = true)
public class LogForwardingComponent {

    private final LogForwarder forwarder = new LogForwarder();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "detach")
    void attach(LogReaderService reader) {
        reader.addLogListener(forwarder);
    }

    void detach(LogReaderService reader) {
        reader.removeLogListener(forwarder);
    }
}
