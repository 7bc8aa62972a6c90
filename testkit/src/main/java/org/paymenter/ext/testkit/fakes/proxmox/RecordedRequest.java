package org.paymenter.ext.testkit.fakes.proxmox;

import java.util.Map;

/**
 * One request the fake received, as the API saw it.
 *
 * @param method        GET, POST, PUT or DELETE
 * @param path          the API path without {@code /api2/json}, decoded ({@code /nodes/pve1/qemu/100/config})
 * @param query         the query parameters
 * @param params        the body parameters (JSON or form), as text; empty for GET and DELETE
 * @param contentType   the body's media type, or "" when there was none
 * @param authorization the Authorization header, or "" when there was none
 * @param status        the status the fake answered
 */
public record RecordedRequest(String method, String path, Map<String, String> query, Map<String, String> params,
        String contentType, String authorization, int status) {

    public RecordedRequest {
        query = Map.copyOf(query);
        params = Map.copyOf(params);
    }

    /** {@code "POST /nodes/pve1/qemu/9000/clone"}. */
    public String call() {
        return method + " " + path;
    }
}
