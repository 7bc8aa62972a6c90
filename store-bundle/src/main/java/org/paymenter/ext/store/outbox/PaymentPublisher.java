package org.paymenter.ext.store.outbox;

import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.api.other.PanelTopics;
import org.paymenter.ext.store.api.PaymentView;

/**
 * Announces committed payment changes inside the runtime: one {@value PanelTopics#INVOICE_PAYMENT} event
 * per change on EventAdmin, with the payment ({@link PaymentView}) as {@value PanelTopics#DATA_PROPERTY},
 * for Other extensions (Discord, affiliates). Asynchronous; the durable path to the panel is the outbox.
 */
public final class PaymentPublisher {

    private final EventAdmin eventAdmin;

    public PaymentPublisher(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    public void publish(List<Payment> changed) {
        for (Payment payment : changed) {
            eventAdmin.postEvent(new Event(PanelTopics.INVOICE_PAYMENT,
                    Map.of(PanelTopics.DATA_PROPERTY, PaymentView.of(payment))));
        }
    }
}
