package org.paymenter.ext.http.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.paymenter.ext.api.other.PanelTopics;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/admin/events}: the panel tells the runtime what happened ({@code {"topic":
 * "paymenter/invoice/paid", "data": {...}}}); the event is published on EventAdmin, from where every Other
 * extension that asked for the topic receives it. Answers 202: delivery is asynchronous.
 */
public final class EventsResource {

    private final EventAdmin eventAdmin;
    private final long maxJson;

    public EventsResource(EventAdmin eventAdmin, long maxJson) {
        this.eventAdmin = eventAdmin;
        this.maxJson = maxJson;
    }

    public List<Route> routes() {
        return List.of(new Route("POST", Paths.ADMIN + "/events", Access.ADMIN,
                "Publish a panel event {topic, data} to the Other extensions", "application/json", maxJson,
                this::publish));
    }

    private ApiResponse publish(ApiRequest request) throws Exception {
        ObjectNode body = Requests.object(request);
        Requests.require(body, "topic");
        String topic = body.get("topic").asText();
        if (!PanelTopics.ALL.contains(topic)) {
            throw ApiException.unprocessable("unknown topic '" + topic + "'; known topics: "
                    + String.join(", ", PanelTopics.ALL), Map.of("topics", PanelTopics.ALL));
        }
        Map<String, Object> data = Requests.map(body.get("data"), "data");
        eventAdmin.postEvent(new Event(topic, Map.of(PanelTopics.DATA_PROPERTY, data)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("topic", topic);
        answer.put("status", "published");
        return new ApiResponse(202, answer, ApiResponse.JSON, Map.of());
    }
}
