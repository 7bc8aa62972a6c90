package org.paymenter.ext.runtimetest.payments;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;

/**
 * The testkit's sample gateway deployed and configured on a runtime, and its "provider" sending signed
 * webhooks ({@code paid:<invoice>:<amount>}, header X-Sample-Signature = the instance's secret).
 */
final class SampleGatewayAccount {

    static final String SECRET = "sample-webhook-secret";

    private final AdminApi api;
    private final String instanceId;

    private SampleGatewayAccount(AdminApi api, String instanceId) {
        this.api = api;
        this.instanceId = instanceId;
    }

    /** Deploys the sample gateway (once) and creates an instance taking {@code currency}. */
    static SampleGatewayAccount open(RuntimeHarness runtime, AdminApi api, String instanceName, String currency) {
        if (runtime.bundle(Samples.GATEWAY_BSN).isEmpty()) {
            runtime.deploy(Samples.gateway().build(runtime.scratchDir()));
        }
        api.awaitExtension("gateways", SampleGateway.NAME);
        String id = api.createInstance("gateways", SampleGateway.NAME, instanceName,
                Map.of("secret", SECRET, "currency", currency));
        return new SampleGatewayAccount(api, id);
    }

    /** The same account on a runtime that already has it (after a restart). */
    SampleGatewayAccount on(AdminApi otherApi) {
        return new SampleGatewayAccount(otherApi, instanceId);
    }

    String instanceId() {
        return instanceId;
    }

    /** The provider's call: {@code paid:<invoice>:<amount>}, signed. */
    Response pay(String invoice, String amount) {
        return webhook("paid:" + invoice + ":" + amount, SECRET);
    }

    Response webhook(String body, String signature) {
        return api.withoutToken().send("POST", AdminApi.webhook(SampleGateway.NAME, instanceId), "text/plain",
                body.getBytes(StandardCharsets.UTF_8), SampleGateway.SIGNATURE_HEADER, signature);
    }
}
