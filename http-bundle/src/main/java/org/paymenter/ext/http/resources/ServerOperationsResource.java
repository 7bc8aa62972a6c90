package org.paymenter.ext.http.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.User;
import org.paymenter.ext.api.server.LoginLinks;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.ServerResult;
import org.paymenter.ext.api.server.Service;
import org.paymenter.ext.api.server.ServiceActions;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.api.server.TestResult;
import org.paymenter.ext.api.server.Upgradable;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;
import org.paymenter.ext.http.server.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a panel asks of a server instance: test, product config, the lifecycle operations with
 * Paymenter's {@code (service, settings, properties)}, login URL and actions.
 */
public final class ServerOperationsResource {

    static final List<String> OPERATIONS = List.of("create", "suspend", "unsuspend", "terminate", "upgrade");

    private final InstanceCalls calls;
    private final long maxJson;

    public ServerOperationsResource(InstanceCalls calls, long maxJson) {
        this.calls = calls;
        this.maxJson = maxJson;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", Paths.SERVER_INSTANCE + "/test", Access.ADMIN,
                        "Test that the instance's config reaches the remote system", null, maxJson, this::test),
                new Route("GET", Paths.SERVER_INSTANCE + "/product-config", Access.ADMIN,
                        "The product form's fields, with options read live from the remote system (query: current values)",
                        null, 0, this::productConfig),
                new Route("POST", Paths.SERVER_INSTANCE + "/services/{op}", Access.ADMIN,
                        "Run create, suspend, unsuspend, terminate or upgrade for a service", "application/json", maxJson,
                        this::operation),
                new Route("POST", Paths.SERVER_INSTANCE + "/login-url", Access.ADMIN,
                        "A URL that logs the customer into the remote panel", "application/json", maxJson, this::loginUrl),
                new Route("POST", Paths.SERVER_INSTANCE + "/actions", Access.ADMIN,
                        "The buttons and texts of the customer's service page", "application/json", maxJson, this::actions));
    }

    private ApiResponse test(ApiRequest request) {
        TestResult result = calls.call(Category.SERVERS, request, ServerExtension.class, ServerExtension::testConnection);
        return ApiResponse.ok(Map.of("ok", result.ok(), "message", result.message()));
    }

    private ApiResponse productConfig(ApiRequest request) {
        Map<String, Object> current = new LinkedHashMap<>();
        request.raw().query().forEach((k, v) -> current.put(k, v.size() == 1 ? v.get(0) : v));
        var fields = calls.call(Category.SERVERS, request, ServerExtension.class,
                (ServerExtension ext, InstanceConfig config) -> ext.productConfig(config, current));
        return ApiResponse.ok(Map.of("fields", Views.fields(fields)));
    }

    private ApiResponse operation(ApiRequest request) throws Exception {
        String op = request.path("op");
        if (!OPERATIONS.contains(op)) {
            throw ApiException.notFound("unknown operation '" + op + "'; operations are " + String.join(", ", OPERATIONS));
        }
        calls.instance(Category.SERVERS, request); // an unknown instance is a 404 before its body is judged
        ServiceRequest service = serviceRequest(request);
        ServerResult result = op.equals("upgrade")
                ? calls.call(Category.SERVERS, request, Upgradable.class, (Upgradable u, InstanceConfig c) -> u.upgrade(c, service))
                : calls.call(Category.SERVERS, request, ServerExtension.class, lifecycle(op, service));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("message", result.message());
        body.put("properties", result.properties());
        body.put("data", result.data());
        return ApiResponse.ok(body);
    }

    private static BiFunction<ServerExtension, InstanceConfig, ServerResult> lifecycle(String op, ServiceRequest service) {
        return switch (op) {
            case "create" -> (ext, config) -> ext.create(config, service);
            case "suspend" -> (ext, config) -> ext.suspend(config, service);
            case "unsuspend" -> (ext, config) -> ext.unsuspend(config, service);
            default -> (ext, config) -> ext.terminate(config, service);
        };
    }

    private ApiResponse loginUrl(ApiRequest request) throws Exception {
        calls.instance(Category.SERVERS, request);
        ServiceRequest service = serviceRequest(request);
        String url = calls.call(Category.SERVERS, request, LoginLinks.class,
                (LoginLinks l, InstanceConfig c) -> l.loginUrl(c, service));
        return ApiResponse.ok(Map.of("url", url));
    }

    private ApiResponse actions(ApiRequest request) throws Exception {
        calls.instance(Category.SERVERS, request);
        ServiceRequest service = serviceRequest(request);
        var actions = calls.call(Category.SERVERS, request, ServiceActions.class,
                (ServiceActions a, InstanceConfig c) -> a.actions(c, service));
        return ApiResponse.ok(Views.items(actions));
    }

    /** Paymenter's {@code (service, settings, properties)} plus the user; {@code service.id} is required. */
    static ServiceRequest serviceRequest(ApiRequest request) throws Exception {
        ObjectNode body = Requests.object(request);
        Requests.require(body, "service", "service.id");
        Service service = Requests.convert(body.get("service"), Service.class, "service");
        User user = Requests.convert(body.get("user"), User.class, "user");
        Map<String, Object> settings = Requests.map(body.get("settings"), "settings");
        Map<String, String> properties = new LinkedHashMap<>();
        Requests.map(body.get("properties"), "properties").forEach((k, v) -> properties.put(k, propertyText(v)));
        properties.values().removeIf(v -> v == null);
        return new ServiceRequest(service, user, settings, properties);
    }

    /** Properties are text; a list or object a panel stored there stays readable JSON, not Java's {a=1}. */
    private static String propertyText(Object value) {
        if (value == null || !(value instanceof Map<?, ?> || value instanceof List<?>)) {
            return value == null ? null : String.valueOf(value);
        }
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value); // not reached: it was read from JSON
        }
    }
}
