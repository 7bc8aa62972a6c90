package org.paymenter.ext.http.resources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.event.EventAdmin;
import org.paymenter.ext.core.api.BundleDeployments;
import org.paymenter.ext.core.api.ExtensionHistory;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.http.routing.Route;
import org.paymenter.ext.runtime.deploy.BundleFolder;

/** Every route of the API, in one list: what the router serves and what the OpenAPI document describes. */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    public static List<Route> all(BundleContext context, ExtensionRegistry registry, InstanceService instances,
            ExtensionInvoker invoker, ExtensionHistory history, BundleFolder folder, BundleDeployments deployments,
            EventAdmin eventAdmin,
            PaymentStore store, long maxJson, long maxUpload,
            Path dataDir, String version) {
        InstanceCalls calls = new InstanceCalls(instances, invoker);
        ExtensionsResource extensions = new ExtensionsResource(registry, invoker, folder, history);
        List<Route> routes = new ArrayList<>();
        routes.addAll(new HealthResource(context, folder, registry, store).routes());
        routes.addAll(extensions.routes());
        routes.addAll(new LifecycleResource(extensions, deployments, maxUpload, dataDir).routes());
        routes.addAll(new InstancesResource(instances, registry, maxJson).routes());
        routes.addAll(new ServerOperationsResource(calls, maxJson).routes());
        routes.addAll(new GatewayOperationsResource(calls, instances, maxJson).routes());
        routes.addAll(new OtherOperationsResource(calls, maxJson).routes());
        routes.addAll(new WebhookResource(instances, calls, store, maxJson).routes());
        routes.addAll(new PaymentsResource(store).routes());
        routes.addAll(new DeliveriesResource(store).routes());
        routes.addAll(new EventsResource(eventAdmin, maxJson).routes());
        List<Route> served = List.copyOf(routes);
        List<Route> withDocument = new ArrayList<>(served);
        OpenApiResource openApi = new OpenApiResource(() -> List.copyOf(withDocument), version);
        withDocument.addAll(openApi.routes());
        return List.copyOf(withDocument);
    }
}
