package org.paymenter.ext.http.resources;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.paymenter.ext.api.gateway.Payment;
import org.paymenter.ext.api.gateway.PaymentStatus;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Route;
import org.paymenter.ext.store.api.Page;
import org.paymenter.ext.store.api.PaymentQuery;
import org.paymenter.ext.store.api.PaymentView;
import org.paymenter.ext.store.api.StorageException;

/**
 * {@code GET /api/v1/admin/payments} (filters {@code invoiceId}, {@code subscriptionId}, {@code gateway}, {@code status},
 * {@code from}, {@code to}; {@code limit}, {@code cursor}) and {@code GET /api/v1/admin/payments/{id}}: the
 * ledger, newest first, as {@code {"items": [...], "next": cursor|null}}.
 */
public final class PaymentsResource {

    private final PaymentStore store;

    public PaymentsResource(PaymentStore store) {
        this.store = store;
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", Paths.PAYMENTS, Access.ADMIN,
                        "List recorded payments, newest first (invoiceId, subscriptionId, gateway, status, from, to, limit, cursor)",
                        null, 0, this::list),
                new Route("GET", Paths.PAYMENTS + "/{id}", Access.ADMIN, "Show one recorded payment", null, 0,
                        this::get));
    }

    private ApiResponse list(ApiRequest request) {
        QueryParameters query = new QueryParameters(request);
        PaymentQuery filter;
        try {
            filter = new PaymentQuery(query.text("invoiceId"), query.text("gateway"), status(query.text("status")),
                    query.instant("from"), query.instant("to"),
                    query.limit(PaymentQuery.DEFAULT_LIMIT, PaymentQuery.MAX_LIMIT), query.cursor(),
                    query.text("subscriptionId"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Page<Payment> page;
        try {
            page = store.ledger().search(filter);
        } catch (StorageException e) {
            throw Failures.of(e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(PaymentView::of).toList());
        body.put("next", page.next());
        return ApiResponse.ok(body);
    }

    private ApiResponse get(ApiRequest request) {
        String id = request.path("id");
        try {
            return ApiResponse.ok(store.ledger().find(id).map(PaymentView::of)
                    .orElseThrow(() -> ApiException.notFound("no payment " + id)));
        } catch (StorageException e) {
            throw Failures.of(e);
        }
    }

    private static PaymentStatus status(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(PaymentStatus.values()).filter(s -> s.id().equals(value.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> ApiException.badRequest("status must be one of "
                        + String.join(", ", Arrays.stream(PaymentStatus.values()).map(PaymentStatus::id).toList())
                        + ", not '" + value + "'"));
    }
}
