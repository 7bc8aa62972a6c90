package org.paymenter.ext.http.server;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;

import org.eclipse.jetty.server.AsyncRequestLogWriter;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.paymenter.ext.core.api.BundleDeployments;
import org.paymenter.ext.core.api.ExtensionHistory;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.http.resources.ApiRoutes;
import org.paymenter.ext.http.resources.PaymentStore;
import org.paymenter.ext.http.routing.Route;
import org.paymenter.ext.http.routing.Router;
import org.paymenter.ext.runtime.deploy.BundleFolder;
import org.paymenter.ext.store.api.Deliveries;
import org.paymenter.ext.store.api.PaymentLedger;

/**
 * Serves the admin API on the launcher's Jetty while the host services it needs are there. Publishes its
 * address as a {@link URI} service ({@code paymenter.endpoint=admin-api}), which matters when the port
 * is 0 (tests) and for the launcher's ready line.
 */
@Component(immediate = true)
public final class AdminHttpServer {

    public static final String ENDPOINT_PROPERTY = "paymenter.endpoint";
    public static final String ENDPOINT_NAME = "admin-api";
    private static final System.Logger LOG = System.getLogger(AdminHttpServer.class.getName());
    private static final String ACCESS_LOG_FORMAT =
            "%{yyyy-MM-dd'T'HH:mm:ss.SSSXXX|UTC}t %{client}a \"%m %U\" %s %O %{ms}T ms";

    private volatile Server server;
    private final Thread starting;
    private volatile ServiceRegistration<URI> endpoint;
    /** Optional and dynamic: the API serves while the store is down, and its routes answer 503 meanwhile. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PaymentLedger ledger;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Deliveries deliveries;

    @Activate
    public AdminHttpServer(BundleContext context, @Reference ExtensionRegistry registry,
            @Reference InstanceService instances, @Reference ExtensionInvoker invoker, @Reference ExtensionHistory history,
            @Reference BundleFolder folder, @Reference BundleDeployments deployments,
            @Reference EventAdmin eventAdmin) throws Exception {
        Path dataDir = Path.of(context.getProperty("paymenter.data.dir"));
        HttpSettings settings = HttpSettings.from(context::getProperty, dataDir);
        AdminAuth auth = AdminAuth.fromEnvironmentOrFile(Path.of(context.getProperty("paymenter.admin.token.file")));
        String version = context.getBundle().getVersion().toString();
        PaymentStore store = new PaymentStore(() -> ledger, () -> deliveries);
        List<Route> routes = ApiRoutes.all(context, registry, instances, invoker, history, folder, deployments, eventAdmin,
                store, settings.maxJsonBytes(),
                settings.maxUploadBytes(), dataDir, version);
        ApiHandler handler = new ApiHandler(new Router(routes), auth);
        // Jetty's first start costs a few hundred ms of class loading and static set-up; doing it beside the
        // folder scan rather than before it keeps that off the runtime's start-up path.
        this.starting = new Thread(() -> startAndPublish(context, settings, handler, routes.size()), "http-start");
        this.starting.start();
    }

    private void startAndPublish(BundleContext context, HttpSettings settings, ApiHandler handler, int routeCount) {
        try {
            server = build(settings, handler);
            server.start();
        } catch (Exception e) {
            LOG.log(Level.ERROR, "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage()
                    + " (another process on that port? use --port); the admin API is not running", e);
            stopQuietly();
            return;
        }
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        URI uri = URI.create("http://" + hostForUrl(settings.host()) + ":" + connector.getLocalPort());
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ENDPOINT_PROPERTY, ENDPOINT_NAME);
        props.put("url", uri.toString());
        this.endpoint = context.registerService(URI.class, uri, props);
        LOG.log(Level.INFO, "admin API on " + uri + " (" + routeCount + " routes)");
    }

    private static Server build(HttpSettings settings, ApiHandler handler) throws Exception {
        // Bounded by its thread count; Jetty wants the job queue unbounded (a bounded one can drop
        // its own internal jobs under load).
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), settings.minThreads(),
                (int) settings.idleTimeout().toMillis());
        threads.setName("http");
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.idleTimeout().toMillis());
        server.addConnector(connector);
        server.setHandler(handler);
        server.setErrorHandler(new ProblemErrorHandler());
        Files.createDirectories(settings.accessLog().getParent());
        // The path only (%U), never the query string: a query may carry a secret.
        server.setRequestLog(new CustomRequestLog(new AsyncRequestLogWriter(settings.accessLog().toString()),
                ACCESS_LOG_FORMAT));
        server.setStopTimeout(settings.idleTimeout().toMillis());
        return server;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Deactivate
    void stop() throws InterruptedException {
        starting.join();
        ServiceRegistration<URI> registered = endpoint;
        if (registered != null) {
            registered.unregister();
        }
        stopQuietly();
    }

    private void stopQuietly() {
        Server built = server;
        if (built == null) {
            return;
        }
        try {
            built.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "stopping the admin API: " + e.getMessage());
        }
    }
}
