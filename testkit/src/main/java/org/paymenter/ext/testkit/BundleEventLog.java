package org.paymenter.ext.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Records every bundle event from the moment it is opened, so a test can say what did <em>not</em> happen
 * (no UNINSTALLED during an upgrade, no restart of an unrelated bundle). Synchronous, so STARTING and
 * STOPPING are seen too, in the order they happened.
 */
public final class BundleEventLog implements SynchronousBundleListener, AutoCloseable {

    /** One event; {@code nanos} is {@link System#nanoTime()} when it was delivered. */
    public record Event(String symbolicName, long bundleId, String type, long nanos) {
    }

    private final BundleContext context;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    BundleEventLog(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        events.add(new Event(event.getBundle().getSymbolicName(), event.getBundle().getBundleId(),
                typeName(event.getType()), System.nanoTime()));
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> events(String symbolicName) {
        return events.stream().filter(e -> symbolicName.equals(e.symbolicName())).toList();
    }

    /** The event types of one bundle in order: {@code [STOPPING, STOPPED, UPDATED, ...]}. */
    public List<String> types(String symbolicName) {
        return events(symbolicName).stream().map(Event::type).toList();
    }

    public long count(String symbolicName, String type) {
        return events(symbolicName).stream().filter(e -> e.type().equals(type)).count();
    }

    static String typeName(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.LAZY_ACTIVATION -> "LAZY_ACTIVATION";
            default -> "TYPE_" + type;
        };
    }

    @Override
    public void close() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the framework already stopped
        }
    }
}
