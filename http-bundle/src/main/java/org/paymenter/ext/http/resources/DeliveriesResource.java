package org.paymenter.ext.http.resources;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;
import org.paymenter.ext.store.api.Deliveries;
import org.paymenter.ext.store.api.Delivery;
import org.paymenter.ext.store.api.DeliveryStatus;
import org.paymenter.ext.store.api.Page;
import org.paymenter.ext.store.api.StorageException;

/**
 * {@code GET /api/v1/admin/deliveries?status=pending|failed|delivered}: the panel callbacks, oldest first
 * (without a status: the ones not delivered yet), with a count per status and, when nothing is being
 * sent, why ({@code idle}).
 */
public final class DeliveriesResource {

    private final PaymentStore store;

    public DeliveriesResource(PaymentStore store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", Paths.ADMIN + "/deliveries", Access.ADMIN,
                "List panel callbacks (status=pending|failed|delivered, limit, cursor) with counts", null, 0,
                this::list));
    }

    private ApiResponse list(ApiRequest request) {
        QueryParameters query = new QueryParameters(request);
        Set<DeliveryStatus> statuses = statuses(query.text("status"));
        int limit = query.limit(Deliveries.DEFAULT_LIMIT, Deliveries.MAX_LIMIT);
        Deliveries deliveries = store.deliveries();
        Page<Delivery> page;
        Map<DeliveryStatus, Long> counts;
        try {
            page = deliveries.list(statuses, limit, query.cursor());
            counts = deliveries.counts();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (StorageException e) {
            throw Failures.of(e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(DeliveriesResource::view).toList());
        body.put("next", page.next());
        Map<String, Long> countView = new LinkedHashMap<>();
        counts.forEach((status, n) -> countView.put(status.id(), n));
        body.put("counts", countView);
        body.put("idle", deliveries.idleReason().orElse(null));
        return ApiResponse.ok(body);
    }

    private static Set<DeliveryStatus> statuses(String value) {
        if (value == null) {
            return EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.FAILED);
        }
        return EnumSet.of(DeliveryStatus.fromId(value).orElseThrow(() -> ApiException.badRequest(
                "status must be one of " + String.join(", ", Arrays.stream(DeliveryStatus.values())
                        .map(DeliveryStatus::id).toList()) + ", not '" + value + "'")));
    }

    private static Map<String, Object> view(Delivery d) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", d.id());
        view.put("paymentId", d.paymentId());
        view.put("topic", d.topic());
        view.put("status", d.status().id());
        view.put("attempts", d.attempts());
        view.put("nextAttemptAt", d.status() == DeliveryStatus.DELIVERED ? null : d.nextAttemptAt().toString());
        view.put("lastError", d.lastError());
        view.put("createdAt", d.createdAt().toString());
        view.put("deliveredAt", d.deliveredAt() == null ? null : d.deliveredAt().toString());
        return view;
    }
}
