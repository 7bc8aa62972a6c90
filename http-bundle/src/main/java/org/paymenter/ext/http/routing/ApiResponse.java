package org.paymenter.ext.http.routing;

import java.util.Map;

/**
 * What a route answers: a status and a body that is serialised to JSON (or sent as is when it is a
 * {@code byte[]} with an explicit content type).
 */
public record ApiResponse(int status, Object body, String contentType, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, JSON, Map.of());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, JSON, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null, Map.of());
    }

    public static ApiResponse raw(int status, String contentType, byte[] body, Map<String, String> headers) {
        return new ApiResponse(status, body, contentType, headers);
    }
}
