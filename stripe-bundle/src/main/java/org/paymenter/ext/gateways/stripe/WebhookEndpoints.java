package org.paymenter.ext.gateways.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.ApiRequestParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointCreateParams.ApiVersion;
import com.stripe.param.WebhookEndpointCreateParams.EnabledEvent;
import com.stripe.param.WebhookEndpointListParams;

/**
 * Paymenter's webhook auto-setup (spec §2.10): the account gets exactly one endpoint for {@code url},
 * subscribed to the events {@link EventMapper} reads and rendered in this stripe-java's API version (so
 * events deserialize without a version mismatch); an older endpoint for the same URL is deleted first.
 * Returns the new endpoint's signing secret, which Stripe shows only in this answer.
 */
final class WebhookEndpoints {

    private static final long PAGE = 100;

    private WebhookEndpoints() {
    }

    static String register(StripeClient stripe, String url) {
        try {
            for (WebhookEndpoint existing : stripe.v1().webhookEndpoints()
                    .list(WebhookEndpointListParams.builder().setLimit(PAGE).build()).getData()) {
                if (url.equals(existing.getUrl())) {
                    stripe.v1().webhookEndpoints().delete(existing.getId());
                }
            }
            WebhookEndpointCreateParams.Builder create = WebhookEndpointCreateParams.builder().setUrl(url)
                    .setDescription(StripeDefaults.WEBHOOK_DESCRIPTION)
                    .setApiVersion(byValue(ApiVersion.values(), Stripe.API_VERSION));
            StripeDefaults.WEBHOOK_EVENTS.forEach(e -> create.addEnabledEvent(byValue(EnabledEvent.values(), e)));
            return stripe.v1().webhookEndpoints().create(create.build()).getSecret();
        } catch (StripeException e) {
            throw StripeFailures.of("setting up the Stripe webhook endpoint " + url, e);
        }
    }

    private static <E extends ApiRequestParams.EnumParam> E byValue(E[] values, String value) {
        for (E e : values) {
            if (e.getValue().equals(value)) {
                return e;
            }
        }
        throw new IllegalStateException("stripe-java " + Stripe.VERSION + " has no parameter value '" + value + "'");
    }
}
