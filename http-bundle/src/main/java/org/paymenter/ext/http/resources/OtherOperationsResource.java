package org.paymenter.ext.http.resources;

import java.util.List;
import java.util.Map;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.other.OtherExtension;
import org.paymenter.ext.api.other.PanelEvent;
import org.paymenter.ext.api.other.PanelTopics;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The seed's {@code execute(event, data)} on one instance of an Other extension, for testing a setup. */
public final class OtherOperationsResource {

    private final InstanceCalls calls;
    private final long maxJson;

    public OtherOperationsResource(InstanceCalls calls, long maxJson) {
        this.calls = calls;
        this.maxJson = maxJson;
    }

    public List<Route> routes() {
        return List.of(new Route("POST", Paths.OTHER_INSTANCE + "/execute", Access.ADMIN,
                "Hand one panel event {topic, data} to this instance only", "application/json", maxJson, this::execute));
    }

    private ApiResponse execute(ApiRequest request) throws Exception {
        calls.instance(Category.OTHERS, request); // an unknown instance is a 404 before its body is judged
        ObjectNode body = Requests.object(request);
        Requests.require(body, "topic");
        String topic = body.get("topic").asText();
        if (!PanelTopics.ALL.contains(topic)) {
            throw ApiException.unprocessable("unknown topic '" + topic + "'", Map.of("topics", PanelTopics.ALL));
        }
        PanelEvent event = new PanelEvent(topic, Requests.map(body.get("data"), "data"), null);
        String note = calls.call(Category.OTHERS, request, OtherExtension.class,
                (OtherExtension o, InstanceConfig c) -> o.execute(c, event));
        return ApiResponse.ok(Map.of("ok", true, "message", note == null ? "" : note));
    }
}
