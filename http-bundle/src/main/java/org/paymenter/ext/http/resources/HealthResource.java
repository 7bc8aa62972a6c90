package org.paymenter.ext.http.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.runtime.deploy.FolderEntry;

/**
 * {@code GET /health}, without auth, for load balancers and service managers: "up" (200) while every bundle
 * the runtime itself needs is active and the payments ledger's database answers, "down" (503) otherwise,
 * with counts of active and failed bundles and serving extensions, and the ledger's state ({@link LedgerHealth}).
 */
public final class HealthResource {

    private final BundleContext context;
    private final BundleFolder folder;
    private final ExtensionRegistry registry;
    private final LedgerHealth ledger;

    public HealthResource(BundleContext context, BundleFolder folder, ExtensionRegistry registry, PaymentStore store) {
        this.context = context;
        this.folder = folder;
        this.registry = registry;
        this.ledger = new LedgerHealth(store);
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/health", Access.PUBLIC,
                "Up or down (503), with counts of active and failed bundles and the ledger's state: open, unavailable, unreachable (no auth)", null, 0, this::health));
    }

    private ApiResponse health(ApiRequest request) {
        int active = 0;
        int inactiveSystem = 0;
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            boolean running = bundle.getState() == Bundle.ACTIVE || (fragment && bundle.getState() == Bundle.RESOLVED);
            if (running) {
                active++;
            } else if (!bundle.getLocation().startsWith("folder:")) {
                inactiveSystem++;
            }
        }
        long failed = folder.entries().stream().filter(e -> e.state() == FolderEntry.State.FAILED
                || e.state() == FolderEntry.State.UNREADABLE).count();
        LedgerHealth.State ledgerState = ledger.state();
        boolean up = inactiveSystem == 0 && ledgerState == LedgerHealth.State.OPEN;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "down");
        body.put("bundles", Map.of("active", active, "failed", failed + inactiveSystem));
        body.put("extensions", registry.list().stream().filter(e -> e.isActive()).count());
        body.put("ledger", ledgerState.id());
        return new ApiResponse(up ? 200 : 503, body, ApiResponse.JSON, Map.of());
    }
}
