package org.paymenter.ext.http.resources;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.User;
import org.paymenter.ext.api.gateway.AgreementRequest;
import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.BillingAgreements;
import org.paymenter.ext.api.gateway.ChargeRequest;
import org.paymenter.ext.api.gateway.GatewayExtension;
import org.paymenter.ext.api.gateway.Invoice;
import org.paymenter.ext.api.gateway.PaymentRequest;
import org.paymenter.ext.api.gateway.PaymentStart;
import org.paymenter.ext.api.gateway.Refund;
import org.paymenter.ext.api.gateway.RefundRequest;
import org.paymenter.ext.api.gateway.WebhookSetup;
import org.paymenter.ext.api.gateway.Refunds;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceException;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a panel asks of a gateway instance: start a payment, refund, and saved payment methods. */
public final class GatewayOperationsResource {

    private final InstanceCalls calls;
    private final InstanceService instances;
    private final long maxJson;

    public GatewayOperationsResource(InstanceCalls calls, InstanceService instances, long maxJson) {
        this.calls = calls;
        this.instances = instances;
        this.maxJson = maxJson;
    }

    public List<Route> routes() {
        String base = Paths.GATEWAY_INSTANCE;
        return List.of(
                new Route("POST", base + "/pay", Access.ADMIN,
                        "Start paying an invoice: a redirect URL, a client secret or an HTML form", "application/json",
                        maxJson, this::pay),
                new Route("POST", base + "/refund", Access.ADMIN,
                        "Refund a transaction, fully (no amount) or in part", "application/json", maxJson, this::refund),
                new Route("POST", base + "/agreements", Access.ADMIN,
                        "Let a customer save a payment method (billing agreement)", "application/json", maxJson,
                        this::createAgreement),
                new Route("POST", base + "/charge", Access.ADMIN,
                        "Charge an invoice to a saved payment method, off-session", "application/json", maxJson,
                        this::charge),
                new Route("POST", base + "/agreements/cancel", Access.ADMIN,
                        "Cancel a saved payment method", "application/json", maxJson, this::cancelAgreement),
                new Route("POST", base + "/webhook-setup", Access.ADMIN,
                        "Register this instance's webhook URL with the provider ({\"publicUrl\"}: where this runtime "
                                + "is reachable); the signing secret is stored on the instance", "application/json",
                        maxJson, this::setUpWebhook));
    }

    private ApiResponse pay(ApiRequest request) throws Exception {
        calls.instance(Category.GATEWAYS, request); // an unknown instance is a 404 before its body is judged
        ObjectNode body = Requests.object(request);
        Requests.require(body, "invoice", "invoice.id", "invoice.currency", "amount");
        Invoice invoice = Requests.convert(body.get("invoice"), Invoice.class, "invoice");
        User user = Requests.convert(body.get("user"), User.class, "user");
        BigDecimal amount = positiveAmount(body, "amount");
        PaymentRequest payment = new PaymentRequest(invoice, user, amount, text(body, "returnUrl"), text(body, "cancelUrl"));
        PaymentStart start = calls.call(Category.GATEWAYS, request, GatewayExtension.class,
                (GatewayExtension g, InstanceConfig c) -> g.pay(c, payment));
        return ApiResponse.ok(paymentStart(start));
    }

    private ApiResponse refund(ApiRequest request) throws Exception {
        calls.instance(Category.GATEWAYS, request); // an unknown instance is a 404 before its body is judged
        ObjectNode body = Requests.object(request);
        Requests.require(body, "transactionId");
        BigDecimal amount = body.hasNonNull("amount") ? positiveAmount(body, "amount") : null;
        RefundRequest refund = new RefundRequest(body.get("transactionId").asText(), amount, text(body, "currency"));
        Refund result = calls.call(Category.GATEWAYS, request, Refunds.class, (Refunds r, InstanceConfig c) -> r.refund(c, refund));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("refundId", result.refundId());
        view.put("transactionId", result.transactionId());
        view.put("amount", Views.plain(result.amount()));
        view.put("currency", result.currency());
        view.put("status", result.status());
        return ApiResponse.ok(view);
    }

    private ApiResponse createAgreement(ApiRequest request) throws Exception {
        calls.instance(Category.GATEWAYS, request); // an unknown instance is a 404 before its body is judged
        ObjectNode body = Requests.object(request);
        Requests.require(body, "user", "user.id");
        AgreementRequest agreement = new AgreementRequest(Requests.convert(body.get("user"), User.class, "user"),
                text(body, "returnUrl"), text(body, "cancelUrl"));
        PaymentStart start = calls.call(Category.GATEWAYS, request, BillingAgreements.class,
                (BillingAgreements b, InstanceConfig c) -> b.createAgreement(c, agreement));
        return ApiResponse.ok(paymentStart(start));
    }

    private ApiResponse charge(ApiRequest request) throws Exception {
        calls.instance(Category.GATEWAYS, request); // an unknown instance is a 404 before its body is judged
        ObjectNode body = Requests.object(request);
        Requests.require(body, "invoice", "invoice.id", "amount", "agreement", "agreement.externalReference");
        ChargeRequest charge = new ChargeRequest(Requests.convert(body.get("invoice"), Invoice.class, "invoice"),
                positiveAmount(body, "amount"), Requests.convert(body.get("agreement"), BillingAgreement.class, "agreement"));
        boolean accepted = calls.call(Category.GATEWAYS, request, BillingAgreements.class,
                (BillingAgreements b, InstanceConfig c) -> b.charge(c, charge));
        return ApiResponse.ok(Map.of("ok", accepted));
    }

    private ApiResponse cancelAgreement(ApiRequest request) throws Exception {
        calls.instance(Category.GATEWAYS, request); // an unknown instance is a 404 before its body is judged
        ObjectNode body = Requests.object(request);
        Requests.require(body, "agreement", "agreement.externalReference");
        BillingAgreement agreement = Requests.convert(body.get("agreement"), BillingAgreement.class, "agreement");
        boolean cancelled = calls.call(Category.GATEWAYS, request, BillingAgreements.class,
                (BillingAgreements b, InstanceConfig c) -> b.cancelAgreement(c, agreement));
        return ApiResponse.ok(Map.of("ok", cancelled));
    }

    private ApiResponse setUpWebhook(ApiRequest request) throws Exception {
        ObjectNode body = Requests.object(request);
        Requests.require(body, "publicUrl");
        Instance instance = calls.instance(Category.GATEWAYS, request);
        URI webhook = webhookUrl(body.get("publicUrl").asText(), instance);
        Map<String, Object> values = calls.call(instance, WebhookSetup.class,
                (WebhookSetup w, InstanceConfig c) -> w.setUpWebhook(c, webhook));
        Map<String, Object> config = new LinkedHashMap<>(instance.values()); // secrets read "set": kept
        config.putAll(values);
        try {
            instances.update(instance.id(), null, config);
        } catch (InstanceException e) {
            throw Failures.of(e);
        }
        return ApiResponse.ok(Map.of("ok", true, "url", webhook.toString(), "stored", values.keySet()));
    }

    /** {@code https://billing.example.com} + the webhook route of this instance. */
    private static URI webhookUrl(String publicUrl, Instance instance) {
        try {
            URI base = new URI(publicUrl.trim());
            if (base.getHost() == null || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))) {
                throw new URISyntaxException(publicUrl, "not an http(s) URL with a host");
            }
            String prefix = base.toString().replaceAll("/+$", "");
            return URI.create(prefix + Paths.WEBHOOK.replace("{name}", instance.extension())
                    .replace("{instanceId}", instance.id()));
        } catch (URISyntaxException e) {
            throw Requests.invalid("publicUrl", "publicUrl must be where providers reach this runtime, like "
                    + "https://billing.example.com (" + e.getReason() + ")");
        }
    }

    static Map<String, Object> paymentStart(PaymentStart start) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", start.type());
        if (start instanceof PaymentStart.Redirect r) {
            view.put("url", r.url());
        } else if (start instanceof PaymentStart.ClientSecret s) {
            view.put("clientSecret", s.clientSecret());
            view.put("publishableKey", s.publishableKey());
        } else if (start instanceof PaymentStart.Html h) {
            view.put("html", h.html());
        }
        return view;
    }

    private static BigDecimal positiveAmount(ObjectNode body, String field) {
        try {
            BigDecimal amount = new BigDecimal(body.get(field).asText().trim());
            if (amount.signum() <= 0) {
                throw Requests.invalid(field, field + " must be greater than zero");
            }
            return amount;
        } catch (NumberFormatException e) {
            throw Requests.invalid(field, field + " must be a decimal amount like \"19.99\"");
        }
    }

    private static String text(ObjectNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}
