package org.paymenter.ext.http.resources;

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

/**
 * The public endpoint providers call. No bearer token: the gateway proves the call genuine from the raw
 * body and headers (a signature); a call it cannot prove is a 400 and changes nothing.
 */
public final class WebhookResource {

    private final InstanceService instances;
    private final InstanceCalls calls;
    private final long maxBody;

    public WebhookResource(InstanceService instances, InstanceCalls calls, long maxBody) {
        this.instances = instances;
        this.calls = calls;
        this.maxBody = maxBody;
    }

    public List<Route> routes() {
        return List.of(new Route("POST", Paths.WEBHOOK, Access.PUBLIC,
                "A payment provider's callback; verified by the gateway extension", "application/json", maxBody,
                this::receive));
    }

    private ApiResponse receive(ApiRequest request) {
        String name = request.path("name");
        String id = request.path("instanceId");
        Instance instance = instances.get(id)
                .filter(i -> i.category() == Category.GATEWAYS && i.extension().equals(name))
                .orElseThrow(() -> ApiException.notFound("no gateway instance " + id + " of " + name));
        WebhookResult result = calls.call(instance, GatewayExtension.class, (g, c) -> g.webhook(c, request.raw()));
        return ApiResponse.ok(Map.of("received", true, "payments", result.payments().size(),
                "agreements", result.agreements().size()));
    }

}
