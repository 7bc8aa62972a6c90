package org.paymenter.ext.bench.ledgerprobe;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

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
 * bench-ledger's gateway (the testkit sample gateway's protocol): a webhook {@code paid:<invoice>:<amount>}
 * is genuine when header {@value #SIGNATURE_HEADER} equals the instance's secret (compared in constant
 * time), and proves one succeeded payment with transaction id {@code tx-<invoice>}.
 */
@Component(service = GatewayExtension.class)
public class ProbeGateway implements GatewayExtension {

    public static final String NAME = "benchgateway";
    public static final String SIGNATURE_HEADER = "X-Bench-Signature";

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of(NAME, "Bench gateway", "Records webhooks; for bench-ledger.", "1.0.0", "benchmarks");
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(ConfigField.password("secret").label("Webhook secret").required().build(),
                ConfigField.text("currency").label("Currency").defaultValue("EUR").build());
    }

    @Override
    public PaymentStart pay(InstanceConfig config, PaymentRequest request) {
        return new PaymentStart.Redirect("https://pay.example/" + request.invoice().id());
    }

    @Override
    public WebhookResult webhook(InstanceConfig config, HttpRequest request) {
        byte[] expected = config.requireString("secret").getBytes(StandardCharsets.UTF_8);
        byte[] given = request.header(SIGNATURE_HEADER).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new WebhookRejectedException("bad or missing " + SIGNATURE_HEADER);
        }
        String[] parts = request.bodyText().trim().split(":");
        if (parts.length != 3 || !parts[0].equals("paid")) {
            throw new WebhookRejectedException("expected paid:<invoice>:<amount>");
        }
        return WebhookResult.of(PaymentEvent.succeeded(parts[1], "tx-" + parts[1], new BigDecimal(parts[2]),
                config.string("currency", "EUR")));
    }
}
