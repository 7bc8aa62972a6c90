package org.paymenter.ext.http.resources;

import java.util.List;
import java.util.Map;

import org.paymenter.ext.api.Category;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceException;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Configured instances: {@code {"name": "eu-1", "config": {...}}} in, secrets out only as {@code "set"}. */
public final class InstancesResource {

    private final InstanceService instances;
    private final ExtensionRegistry registry;
    private final long maxJson;

    public InstancesResource(InstanceService instances, ExtensionRegistry registry, long maxJson) {
        this.instances = instances;
        this.registry = registry;
        this.maxJson = maxJson;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", Paths.INSTANCES, Access.ADMIN, "List the instances of an extension", null, 0, this::list),
                new Route("POST", Paths.INSTANCES, Access.ADMIN, "Create an instance (config validated against the extension's fields)",
                        "application/json", maxJson, this::create),
                new Route("GET", Paths.INSTANCE, Access.ADMIN, "Show one instance (secrets as \"set\")", null, 0, this::get),
                new Route("PUT", Paths.INSTANCE, Access.ADMIN, "Replace an instance's name and config (omitted secrets are kept)",
                        "application/json", maxJson, this::update),
                new Route("DELETE", Paths.INSTANCE, Access.ADMIN, "Delete an instance", null, 0, this::delete));
    }

    private ApiResponse list(ApiRequest request) {
        Category category = Requests.category(request);
        String name = request.path("name");
        requireKnownExtension(category, name);
        return ApiResponse.ok(Views.items(instances.list(category, name).stream().map(Views::instance).toList()));
    }

    private ApiResponse create(ApiRequest request) throws Exception {
        Category category = Requests.category(request);
        String name = request.path("name");
        requireKnownExtension(category, name);
        ObjectNode body = Requests.object(request);
        Requests.require(body, "name");
        JsonNode nameNode = body.get("name");
        if (!nameNode.isTextual()) {
            throw Requests.invalid("name", "name must be a string");
        }
        Map<String, Object> config = Requests.map(body.get("config"), "config");
        try {
            return ApiResponse.created(Views.instance(instances.create(category, name, nameNode.asText(), config)));
        } catch (InstanceException e) {
            throw Failures.of(e);
        }
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(Views.instance(find(request)));
    }

    private ApiResponse update(ApiRequest request) throws Exception {
        Instance existing = find(request);
        ObjectNode body = Requests.object(request);
        JsonNode nameNode = body.get("name");
        if (nameNode != null && !nameNode.isNull() && !nameNode.isTextual()) {
            throw Requests.invalid("name", "name must be a string");
        }
        String newName = nameNode == null || nameNode.isNull() ? null : nameNode.asText();
        Map<String, Object> config = body.has("config") ? Requests.map(body.get("config"), "config") : null;
        try {
            return ApiResponse.ok(Views.instance(instances.update(existing.id(), newName, config)));
        } catch (InstanceException e) {
            throw Failures.of(e);
        }
    }

    private ApiResponse delete(ApiRequest request) {
        Instance existing = find(request);
        instances.delete(existing.id());
        return ApiResponse.noContent();
    }

    /** The instance named by the path, which must belong to the extension in the path. */
    Instance find(ApiRequest request) {
        Category category = Requests.category(request);
        String name = request.path("name");
        String id = request.path("id");
        return instances.get(id).filter(i -> i.category() == category && i.extension().equals(name))
                .orElseThrow(() -> ApiException.notFound("no instance " + id + " of " + category.path() + "/" + name));
    }

    private void requireKnownExtension(Category category, String name) {
        if (registry.find(category, name).isEmpty() && instances.list(category, name).isEmpty()) {
            throw ApiException.notFound("no extension " + category.path() + "/" + name + " is running");
        }
    }
}
