package org.paymenter.ext.gateways.stripe;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.gateway.AgreementRequest;
import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.BillingAgreements;
import org.paymenter.ext.api.gateway.ChargeRequest;
import org.paymenter.ext.api.gateway.GatewayExtension;
import org.paymenter.ext.api.gateway.PaymentRequest;
import org.paymenter.ext.api.gateway.PaymentStart;
import org.paymenter.ext.api.gateway.Refund;
import org.paymenter.ext.api.gateway.RefundRequest;
import org.paymenter.ext.api.gateway.Refunds;
import org.paymenter.ext.api.gateway.WebhookSetup;
import org.paymenter.ext.api.gateway.WebhookResult;
import org.paymenter.ext.api.http.HttpRequest;

import com.stripe.StripeClient;

/**
 * Stripe (spec §2.10) with stripe-java: Checkout redirects or PaymentIntent client secrets, one-time or
 * subscription, signed webhooks into ledger events, refunds, and saved cards charged off-session. Every
 * call reads the instance's config and talks to Stripe through that instance's own client.
 */
@Component(service = GatewayExtension.class)
public class StripeGateway implements GatewayExtension, Refunds, BillingAgreements, WebhookSetup {

    static final String NAME = "stripe";
    private static final String ICON = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAzMiAzMiI+PHJlY3Qgd2lkdGg9IjMyIiBoZWlnaHQ9IjMyIiByeD0iNiIgZmlsbD0iIzYzNUJGRiIvPjxwYXRoIGZpbGw9IiNmZmYiIGQ9Ik0xNC45IDEyLjZjMC0uOS43LTEuMiAxLjktMS4yIDEuNyAwIDMuOC41IDUuNSAxLjRWNy43YTE0LjYgMTQuNiAwIDAgMC01LjUtMWMtNC41IDAtNy41IDIuMy03LjUgNi4yIDAgNi4xIDguNCA1LjEgOC40IDcuOCAwIDEtLjkgMS40LTIuMiAxLjQtMS45IDAtNC4zLS44LTYuMi0xLjh2NS4yYzIuMS45IDQuMiAxLjMgNi4yIDEuMyA0LjYgMCA3LjgtMi4zIDcuOC02LjIgMC02LjYtOC40LTUuNC04LjQtNy45eiIvPjwvc3ZnPg==";

    private final StripeClients clients = new StripeClients();
    private final Clock clock;
    private volatile String version = "0.0.0";

    public StripeGateway() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is when a webhook's age is checked */
    StripeGateway(Clock clock) {
        this.clock = clock;
    }

    @Activate
    void activate(BundleContext context) {
        version = context.getBundle().getVersion().toString();
    }

    @Deactivate
    void deactivate() {
        clients.close();
    }

    @Override
    public ExtensionMetadata metadata() {
        return new ExtensionMetadata(NAME, "Stripe Gateway", "Accept payments via Stripe.", version, "Paymenter",
                "https://paymenter.org/docs/extensions/stripe", ICON);
    }

    @Override
    public List<ConfigField> configSchema() {
        return StripeFields.schema();
    }

    @Override
    public PaymentStart pay(InstanceConfig config, PaymentRequest request) {
        StripeSettings settings = StripeSettings.of(config);
        return StripePayments.start(client(settings), settings, request);
    }

    @Override
    public WebhookResult webhook(InstanceConfig config, HttpRequest request) {
        StripeSettings settings = StripeSettings.of(config);
        return new EventMapper(client(settings))
                .map(WebhookVerifier.verify(request, settings.signingSecret(), clock));
    }

    @Override
    public Refund refund(InstanceConfig config, RefundRequest request) {
        return StripeRefunds.refund(client(StripeSettings.of(config)), request);
    }

    @Override
    public PaymentStart createAgreement(InstanceConfig config, AgreementRequest request) {
        StripeSettings settings = StripeSettings.of(config);
        return SavedPaymentMethods.create(client(settings), settings, request);
    }

    @Override
    public boolean charge(InstanceConfig config, ChargeRequest request) {
        return SavedPaymentMethods.charge(client(StripeSettings.of(config)), request, clock);
    }

    @Override
    public boolean cancelAgreement(InstanceConfig config, BillingAgreement agreement) {
        return SavedPaymentMethods.cancel(client(StripeSettings.of(config)), agreement);
    }

    /** Paymenter's auto-setup: one endpoint for this URL, its signing secret stored on the instance. */
    @Override
    public Map<String, Object> setUpWebhook(InstanceConfig config, URI webhookUrl) {
        String secret = WebhookEndpoints.register(client(StripeSettings.of(config)), webhookUrl.toString());
        return Map.of(StripeFields.WEBHOOK_SECRET, secret);
    }

    private StripeClient client(StripeSettings settings) {
        return clients.client(settings.connection());
    }
}
