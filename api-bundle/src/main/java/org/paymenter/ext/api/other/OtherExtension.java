package org.paymenter.ext.api.other;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.http.Route;

/**
 * Reacts to panel events (notifications, affiliates, announcements). The host delivers each event on a
 * topic in {@link #topics()} to every configured instance, off the publisher's thread.
 */
@ConsumerType
public interface OtherExtension extends Extension {

    /** The {@link PanelTopics} this extension wants; the host delivers no others. */
    Set<String> topics();

    /**
     * Handles one event for one instance (the seed's {@code execute(event, data)}).
     *
     * @return a short note for the log and the caller ("posted to Discord"), never secret
     */
    String execute(InstanceConfig config, PanelEvent event);

    /** Routes of its own (an affiliate landing page, an admin report); none by default. */
    default List<Route> routes() {
        return List.of();
    }
}
