package org.paymenter.ext.testkit.samples.gateway;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.gateway.GatewayExtension;
import org.paymenter.ext.api.gateway.PaymentEvent;
import org.paymenter.ext.api.gateway.PaymentRequest;
import org.paymenter.ext.api.gateway.PaymentStart;
import org.paymenter.ext.api.gateway.WebhookRejectedException;
import org.paymenter.ext.api.gateway.WebhookResult;
import org.paymenter.ext.api.http.HttpRequest;

/**
 * A gateway whose "provider" is a string: paying redirects to {@code https://pay.example/<invoiceId>}, and
 * a webhook {@code paid:<invoiceId>:<amount>} is genuine when header {@value #SIGNATURE_HEADER} equals the
 * instance's {@code secret}.
 */
@Component(service = GatewayExtension.class)
public class SampleGateway implements GatewayExtension {

    public static final String NAME = "samplegateway";
    public static final String SIGNATURE_HEADER = "X-Sample-Signature";

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of(NAME, "Sample gateway", "Takes no money; for tests.",
                FrameworkUtil.getBundle(getClass()).getVersion().toString(), "testkit");
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(
                ConfigField.password("secret").label("Webhook secret").required().build(),
                ConfigField.text("currency").label("Currency").defaultValue("EUR").build());
    }

    @Override
    public PaymentStart pay(InstanceConfig config, PaymentRequest request) {
        return new PaymentStart.Redirect("https://pay.example/" + request.invoice().id());
    }

    @Override
    public WebhookResult webhook(InstanceConfig config, HttpRequest request) {
        String expected = config.requireString("secret");
        if (!request.header(SIGNATURE_HEADER).map(expected::equals).orElse(false)) {
            throw new WebhookRejectedException("bad or missing " + SIGNATURE_HEADER);
        }
        String[] parts = request.bodyText().trim().split(":");
        if (parts.length != 3 || !parts[0].equals("paid")) {
            throw new WebhookRejectedException("expected paid:<invoiceId>:<amount>");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(parts[2]);
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException("not an amount: " + parts[2], e);
        }
        return WebhookResult.of(PaymentEvent.succeeded(parts[1], "tx-" + parts[1], amount,
                config.string("currency", "EUR")));
    }
}
