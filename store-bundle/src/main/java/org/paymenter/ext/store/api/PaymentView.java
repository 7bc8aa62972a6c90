package org.paymenter.ext.store.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.paymenter.ext.api.gateway.Payment;

/**
 * A payment as the admin API, the panel callback and the EventAdmin event all show it (DESIGN.md's shape):
 * camelCase, amounts as decimal strings in the currency's minor units ({@code "10.00"}, {@code "1000"} for
 * JPY), instants in ISO-8601. One definition, so the three cannot drift apart.
 */
public final class PaymentView {

    private PaymentView() {
    }

    /** An unmodifiable map with every field (null values included), in a stable order. */
    public static Map<String, Object> of(Payment payment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", payment.id());
        view.put("invoiceId", payment.invoiceId());
        view.put("gateway", payment.gateway());
        view.put("instanceId", payment.instanceId());
        view.put("transactionId", payment.transactionId());
        view.put("amount", plain(payment.amount()));
        view.put("currency", payment.currency());
        view.put("fee", plain(payment.fee()));
        view.put("status", payment.status().id());
        view.put("createdAt", payment.createdAt().toString());
        view.put("updatedAt", payment.updatedAt().toString());
        view.put("subscriptionId", payment.subscriptionId());
        return Collections.unmodifiableMap(view);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
