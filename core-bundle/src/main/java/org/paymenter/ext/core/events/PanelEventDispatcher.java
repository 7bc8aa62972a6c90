package org.paymenter.ext.core.events;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.other.OtherExtension;
import org.paymenter.ext.api.other.PanelEvent;
import org.paymenter.ext.api.other.PanelTopics;
import org.paymenter.ext.core.api.ExtensionInfo;
import org.paymenter.ext.core.api.ExtensionInvoker;
import org.paymenter.ext.core.api.ExtensionRegistry;
import org.paymenter.ext.core.api.Instance;
import org.paymenter.ext.core.api.InstanceService;
import org.paymenter.ext.core.api.InvocationException;

/**
 * Hands every panel event published on EventAdmin ({@code paymenter/*}) to each configured instance of
 * each Other extension that asked for its topic. Delivery runs on this component's own threads, never on
 * EventAdmin's: a slow webhook (Discord rate-limiting us) must not hold up other listeners, and EventAdmin
 * blacklists handlers that take too long.
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=paymenter/*")
public final class PanelEventDispatcher implements EventHandler {

    static final int DELIVERY_THREADS = 4;
    private static final long STOP_WAIT_SECONDS = 5;
    private static final System.Logger LOG = System.getLogger(PanelEventDispatcher.class.getName());

    private final ExtensionRegistry registry;
    private final InstanceService instances;
    private final ExtensionInvoker invoker;
    private final ExecutorService delivery = Executors.newFixedThreadPool(DELIVERY_THREADS, r -> {
        Thread t = new Thread(r, "panel-event-delivery");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PanelEventDispatcher(@Reference ExtensionRegistry registry, @Reference InstanceService instances,
            @Reference ExtensionInvoker invoker) {
        this.registry = registry;
        this.instances = instances;
        this.invoker = invoker;
    }

    @Override
    public void handleEvent(Event event) {
        PanelEvent panelEvent = new PanelEvent(event.getTopic(), data(event), null);
        for (ExtensionInfo extension : registry.list(Category.OTHERS)) {
            if (!extension.isActive()) {
                continue;
            }
            for (Instance instance : instances.list(Category.OTHERS, extension.name())) {
                try {
                    delivery.execute(() -> deliver(extension, instance, panelEvent));
                } catch (RejectedExecutionException e) {
                    LOG.log(Level.WARNING, "shutting down; " + panelEvent.topic() + " not delivered to " + instance.name());
                }
            }
        }
    }

    private void deliver(ExtensionInfo extension, Instance instance, PanelEvent event) {
        try {
            boolean wanted = invoker.call(Category.OTHERS, extension.name(), OtherExtension.class,
                    other -> other.topics().contains(event.topic()));
            if (!wanted) {
                return;
            }
            String note = invoker.call(Category.OTHERS, extension.name(), OtherExtension.class,
                    other -> other.execute(instances.config(instance.id()), event));
            LOG.log(Level.DEBUG, event.topic() + " -> " + extension.path() + " '" + instance.name() + "': " + note);
        } catch (InvocationException e) {
            LOG.log(Level.WARNING, event.topic() + " -> " + extension.path() + " '" + instance.name() + "' failed: "
                    + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, event.topic() + " -> " + extension.path() + " '" + instance.name() + "' failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Event event) {
        Object data = event.getProperty(PanelTopics.DATA_PROPERTY);
        return data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @Deactivate
    void stop() throws InterruptedException {
        delivery.shutdown();
        if (!delivery.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            delivery.shutdownNow();
        }
    }
}
