package org.paymenter.ext.gateways.stripe;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.http.HttpRequest;
import org.paymenter.ext.testkit.fakes.stripe.FakeStripe;

/** Instance configs pointing at a {@link FakeStripe}, and webhook requests as the host hands them over. */
final class StripeTestConfig {

    static final String WEBHOOK_SECRET = "whsec_unitTestSigningSecret0123456789";

    private StripeTestConfig() {
    }

    /** A checkout, one-time instance of {@code stripe}; {@code overrides} are field name, value pairs. */
    static InstanceConfig config(FakeStripe stripe, Object... overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put(StripeFields.SECRET_KEY, stripe.secretKey());
        values.put(StripeFields.PUBLISHABLE_KEY, stripe.publishableKey());
        values.put(StripeFields.WEBHOOK_SECRET, WEBHOOK_SECRET);
        values.put(StripeFields.PAYMENT_FLOW, StripeFields.FLOW_CHECKOUT);
        values.put(StripeFields.BILLING, StripeFields.BILLING_ONE_TIME);
        values.put(StripeFields.API_BASE, stripe.apiBase());
        values.put(StripeFields.VERIFY_TLS, true);
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                values.remove((String) overrides[i]);
            } else {
                values.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return new InstanceConfig("inst-1", "unit", values);
    }

    /** {@code POST /api/v1/webhooks/stripe/inst-1} with {@code payload}, signed by {@code signatureHeader} (or not, when null). */
    static HttpRequest webhook(String payload, String signatureHeader) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
        if (signatureHeader != null) {
            headers.put("Stripe-Signature", List.of(signatureHeader));
        }
        return new HttpRequest("POST", "/api/v1/webhooks/stripe/inst-1", headers, Map.of(),
                payload.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }
}
