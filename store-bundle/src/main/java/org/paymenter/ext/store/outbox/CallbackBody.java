package org.paymenter.ext.store.outbox;

import java.util.Map;

import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.store.api.PaymentView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body POSTed to the panel: the payment as {@link PaymentView} shows it, as JSON. Made when the change
 * is committed and stored with the outbox row, so every attempt sends the same bytes.
 */
public final class CallbackBody {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CallbackBody() {
    }

    public static String of(Payment payment) {
        Map<String, Object> view = PaymentView.of(payment);
        try {
            return MAPPER.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }
}
