package org.paymenter.ext.http.routing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be answered as asked; becomes an {@code application/problem+json} response
 * (RFC 9457) with {@code detail} as the human sentence and {@code extensions} as extra members
 * (e.g. {@code errors} for validation).
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, Object> extensions;

    public ApiException(int status, String detail) {
        this(status, detail, Map.of());
    }

    public ApiException(int status, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public int status() {
        return status;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, detail);
    }

    public static ApiException unprocessable(String detail, Map<String, Object> extensions) {
        return new ApiException(422, detail, extensions);
    }
}
