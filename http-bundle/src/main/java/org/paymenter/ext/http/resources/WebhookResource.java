package org.paymenter.ext.http.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.gateway.GatewayExtension;
import org.paymenter.ext.api.gateway.WebhookResult;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;
import org.paymenter.ext.store.api.PaymentLedger;
import org.paymenter.ext.store.api.Recorded;
import org.paymenter.ext.store.api.StorageException;

/**
 * The public endpoint providers call. No bearer token: the gateway proves the call genuine from the raw
 * body and headers (a signature); a call it cannot prove is a 400 and changes nothing. What it proves is
 * committed to the ledger before the provider hears 2xx: if the runtime dies before the commit, the
 * provider gets no 2xx and retries; if it dies after, the retry is recognised as a duplicate. A storage
 * failure is a 503, which providers retry.
 */
public final class WebhookResource {

    private final InstanceService instances;
    private final InstanceCalls calls;
    private final PaymentStore store;
    private final long maxBody;

    public WebhookResource(InstanceService instances, InstanceCalls calls, PaymentStore store, long maxBody) {
        this.instances = instances;
        this.calls = calls;
        this.store = store;
        this.maxBody = maxBody;
    }

    public List<Route> routes() {
        return List.of(new Route("POST", Paths.WEBHOOK, Access.PUBLIC,
                "A payment provider's callback; verified by the gateway extension, recorded before the answer",
                "application/json", maxBody, this::receive));
    }

    private ApiResponse receive(ApiRequest request) {
        String name = request.path("name");
        String id = request.path("instanceId");
        Instance instance = instances.get(id)
                .filter(i -> i.category() == Category.GATEWAYS && i.extension().equals(name))
                .orElseThrow(() -> ApiException.notFound("no gateway instance " + id + " of " + name));
        PaymentLedger ledger = store.ledger(); // no ledger: 503 before the extension is even called
        WebhookResult result = calls.call(instance, GatewayExtension.class, (g, c) -> g.webhook(c, request.raw()));
        Recorded recorded;
        try {
            recorded = ledger.record(name, id, result.payments(), result.agreements());
        } catch (StorageException e) {
            throw Failures.of(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("the gateway's events cannot be recorded: " + e.getMessage(), Map.of());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("received", true);
        answer.put("payments", result.payments().size());
        answer.put("agreements", result.agreements().size());
        answer.put("recorded", recorded.recorded());
        answer.put("duplicates", recorded.duplicates());
        return ApiResponse.ok(answer);
    }
}
