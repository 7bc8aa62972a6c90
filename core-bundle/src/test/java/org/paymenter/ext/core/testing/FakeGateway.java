package org.paymenter.ext.core.testing;

import java.util.List;

import org.paymenter.ext.api.ExtensionMetadata;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.gateway.GatewayExtension;
import org.paymenter.ext.api.gateway.PaymentRequest;
import org.paymenter.ext.api.gateway.PaymentStart;
import org.paymenter.ext.api.gateway.Refund;
import org.paymenter.ext.api.gateway.RefundRequest;
import org.paymenter.ext.api.gateway.Refunds;
import org.paymenter.ext.api.gateway.WebhookResult;
import org.paymenter.ext.api.http.HttpRequest;

/** A gateway that can refund; calls a test does not make throw. */
public class FakeGateway implements GatewayExtension, Refunds {

    private final String name;

    public FakeGateway(String name) {
        this.name = name;
    }

    @Override
    public ExtensionMetadata metadata() {
        return ExtensionMetadata.of(name, name, "", "1.0.0", "tests");
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of();
    }

    @Override
    public PaymentStart pay(InstanceConfig config, PaymentRequest request) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public WebhookResult webhook(InstanceConfig config, HttpRequest request) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public Refund refund(InstanceConfig config, RefundRequest request) {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
