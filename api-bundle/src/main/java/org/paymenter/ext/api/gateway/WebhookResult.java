package org.paymenter.ext.api.gateway;

import java.util.List;

/**
 * What a verified webhook proved. Empty lists mean "genuine, but nothing to record" (an event type the
 * extension does not handle), which the provider still gets a 2xx for.
 */
public record WebhookResult(List<PaymentEvent> payments, List<BillingAgreement> agreements) {

    public WebhookResult {
        payments = payments == null ? List.of() : List.copyOf(payments);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
    }

    public static WebhookResult of(PaymentEvent... payments) {
        return new WebhookResult(List.of(payments), List.of());
    }

    public static WebhookResult nothing() {
        return new WebhookResult(List.of(), List.of());
    }
}
