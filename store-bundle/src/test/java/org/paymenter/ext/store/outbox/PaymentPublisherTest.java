package org.paymenter.ext.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.api.gateway.PaymentStatus;
import org.paymenter.ext.api.other.PanelTopics;

class PaymentPublisherTest {

    @Test
    void postsOneInvoicePaymentEventPerChangeWithThePaymentAsData() {
        List<Event> posted = new ArrayList<>();
        EventAdmin eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("the ledger must not block on listeners");
            }
        };
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        Payment payment = new Payment("01JPAYMENT0000000000000000", "inv-9", "stripe", "gw-1", "pi_9",
                new BigDecimal("10.00"), "USD", null, PaymentStatus.SUCCEEDED, now, now);

        new PaymentPublisher(eventAdmin).publish(List.of(payment));

        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).getTopic()).isEqualTo(PanelTopics.INVOICE_PAYMENT);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) posted.get(0).getProperty(PanelTopics.DATA_PROPERTY);
        assertThat(data).containsEntry("id", "01JPAYMENT0000000000000000").containsEntry("invoiceId", "inv-9")
                .containsEntry("amount", "10.00").containsEntry("status", "succeeded")
                .containsEntry("createdAt", "2025-03-01T10:00:00Z");
    }
}
