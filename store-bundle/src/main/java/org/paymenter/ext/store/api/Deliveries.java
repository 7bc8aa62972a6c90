package org.paymenter.ext.store.api;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The panel callbacks, for operators: what waits, what failed, what arrived. */
@ProviderType
public interface Deliveries {

    int DEFAULT_LIMIT = 50;
    int MAX_LIMIT = 500;

    /**
     * The deliveries in one of {@code statuses}, oldest first.
     *
     * @param cursor the {@link Page#next()} of the previous page, or null
     * @throws IllegalArgumentException when the limit is out of range or the cursor is not one of ours
     */
    Page<Delivery> list(Set<DeliveryStatus> statuses, int limit, String cursor);

    /** How many deliveries there are in each status. */
    Map<DeliveryStatus, Long> counts();

    /** Why nothing is being delivered (no panel callback URL configured), or empty when deliveries run. */
    Optional<String> idleReason();
}
