package org.paymenter.ext.http.resources;

import java.util.List;
import java.util.Map;

import org.paymenter.ext.api.InvalidRequestException;
import org.paymenter.ext.api.config.FieldError;
import org.paymenter.ext.api.gateway.WebhookRejectedException;
import org.paymenter.ext.core.api.InstanceException;
import org.paymenter.ext.core.api.InstanceValidationException;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.store.api.StorageException;

/** How the host's failures read over HTTP: one status per kind, the host's sentence as the detail. */
final class Failures {

    private Failures() {
    }

    static ApiException of(InvocationException e) {
        if (e.getCause() instanceof WebhookRejectedException) {
            return new ApiException(400, "webhook rejected: " + e.getMessage());
        }
        if (e.getCause() instanceof InvalidRequestException invalid) {
            return Requests.invalid(invalid.field() == null ? "" : invalid.field(), invalid.getMessage());
        }
        int status = switch (e.kind()) {
            case NOT_FOUND -> 404;
            case UNSUPPORTED -> 501;
            case FAILED -> 502;
            case TIMEOUT -> 504;
            case UNAVAILABLE, BUSY -> 503;
        };
        return new ApiException(status, e.getMessage(), Map.of("kind", e.kind().name().toLowerCase()));
    }

    /** The database did not do it: 503, so a provider retries later (and an operator looks at the log). */
    static ApiException of(StorageException e) {
        return new ApiException(503, "payments storage unavailable, nothing was recorded; try again later ("
                + e.getMessage() + ")");
    }

    static ApiException of(InstanceException e) {
        if (e instanceof InstanceValidationException invalid) {
            List<Map<String, String>> errors = invalid.errors().stream()
                    .map((FieldError f) -> Map.of("field", f.field(), "message", f.message())).toList();
            return ApiException.unprocessable(e.getMessage(), Map.of("errors", errors));
        }
        int status = switch (e.kind()) {
            case NOT_FOUND, EXTENSION_NOT_RUNNING -> 404;
            case DUPLICATE_NAME -> 409;
            case INVALID -> 422;
            case STORAGE -> 500;
        };
        return new ApiException(status, e.getMessage());
    }
}
