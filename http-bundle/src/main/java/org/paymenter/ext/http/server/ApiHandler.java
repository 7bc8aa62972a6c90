package org.paymenter.ext.http.server;

import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.paymenter.ext.api.http.HttpRequest;
import org.paymenter.ext.http.routing.Access;
import org.paymenter.ext.http.routing.ApiException;
import org.paymenter.ext.http.routing.ApiRequest;
import org.paymenter.ext.http.routing.ApiResponse;
import org.paymenter.ext.http.routing.Router;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jetty's side of the API: routes the request, checks the token of admin routes, enforces the body
 * limit, and turns every outcome into JSON. Nothing escapes as a stack trace: errors the caller caused
 * are problem documents with a sentence, anything else is a logged 500.
 */
final class ApiHandler extends Handler.Abstract {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    static final String ADMIN_PREFIX = "/api/v1/admin/";
    /** The prefix without its slash: asks for the token too, so no admin path answers before auth. */
    private static final String ADMIN_ROOT = "/api/v1/admin";
    static final String PROBLEM_JSON = "application/problem+json";
    /** How far over its limit a declared body may be and still be read (and dropped) before the 413. */
    private static final long DRAIN_ALLOWANCE_BYTES = 1024 * 1024;
    /** The largest body a route without one reads and ignores rather than answering 413. */
    private static final long IGNORED_BODY_BYTES = 1024;
    /** Set once the request body has been read to its end. */
    private static final String BODY_READ = ApiHandler.class.getName() + ".bodyRead";

    private final Router router;
    private final AdminAuth auth;

    ApiHandler(Router router, AdminAuth auth) {
        this.router = router;
        this.auth = auth;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        ApiResponse answer;
        try {
            answer = dispatch(request, method, path);
        } catch (ApiException e) {
            answer = problem(e.status(), e.getMessage(), e.extensions());
        } catch (JsonProcessingException e) {
            answer = problem(400, "malformed JSON: " + e.getOriginalMessage(), Map.of());
        } catch (IllegalArgumentException e) {
            answer = problem(400, e.getMessage(), Map.of());
        } catch (Exception | LinkageError e) {
            LOG.log(Level.ERROR, method + " " + path + " failed", e);
            answer = problem(500, "internal error: " + e.getClass().getSimpleName() + "; the runtime log has details",
                    Map.of());
        }
        if (request.getAttribute(BODY_READ) == null && hasBody(request)) {
            // Answered without reading the body (401, 404, 405, 413): Jetty drops the connection after the
            // answer rather than read an unwanted body, so say so, or a keep-alive client reuses it and fails.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        write(response, answer, callback);
        return true;
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private ApiResponse dispatch(Request request, String method, String path) throws Exception {
        Router.Match match = router.match(method, path);
        // Admin paths answer 401 before anything else, so an unauthenticated caller learns nothing.
        if (path.startsWith(ADMIN_PREFIX) || path.equals(ADMIN_ROOT)
                || (match.found() && match.route().access() == Access.ADMIN)) {
            var reason = auth.reject(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            if (reason.isPresent()) {
                LOG.log(Level.WARNING, "refused " + method + " " + path + " from " + Request.getRemoteAddr(request)
                        + ": " + reason.get());
                ApiResponse refused = problem(401, reason.get(), Map.of());
                return new ApiResponse(401, refused.body(), refused.contentType(),
                        Map.of("WWW-Authenticate", "Bearer realm=\"paymenter\""));
            }
        }
        if (!match.found()) {
            if (match.allowed().isEmpty()) {
                throw ApiException.notFound("no route " + path);
            }
            ApiResponse refused = problem(405, method + " is not allowed on " + path + "; allowed: "
                    + String.join(", ", match.allowed()), Map.of());
            return new ApiResponse(refused.status(), refused.body(), refused.contentType(),
                    Map.of("Allow", String.join(", ", match.allowed())));
        }
        byte[] body = readBody(request, match.route().maxBodyBytes());
        HttpRequest raw = new HttpRequest(method, path, headers(request), query(request), body,
                Request.getRemoteAddr(request));
        return match.route().handler().handle(new ApiRequest(raw, match.params()));
    }

    private static byte[] readBody(Request request, long max) throws Exception {
        long declared = request.getLength();
        if (max == 0 && declared > 0 && declared <= IGNORED_BODY_BYTES) {
            // A route that takes no body (start, stop, DELETE, GET) is not refused for a client's habitual {} or []
            drain(request);
            return new byte[0];
        }
        if (declared > max) {
            if (declared - max <= DRAIN_ALLOWANCE_BYTES) {
                // Slightly too large: read and drop it, so the client (still sending) gets the 413 on a
                // healthy connection instead of a reset. Far too large: refuse at once and close.
                drain(request);
            }
            throw new ApiException(413, "request body of " + declared + " bytes is over the limit of " + max + " bytes");
        }
        if (declared == 0) {
            request.setAttribute(BODY_READ, Boolean.TRUE);
            return new byte[0];
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, max + 1));
            if (body.length > max) {
                throw new ApiException(413, "request body is over the limit of " + max + " bytes");
            }
            request.setAttribute(BODY_READ, Boolean.TRUE);
            return body;
        }
    }

    private static void drain(Request request) throws java.io.IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        request.setAttribute(BODY_READ, Boolean.TRUE);
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static Map<String, List<String>> query(Request request) {
        if (request.getHttpURI().getQuery() == null) {
            return Map.of(); // most admin calls: no parsing, no allocation
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), List.copyOf(field.getValues()));
        }
        return query;
    }


    static ApiResponse problem(int status, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return new ApiResponse(status, body, PROBLEM_JSON, Map.of());
    }

    private static String title(int status) {
        String reason = org.eclipse.jetty.http.HttpStatus.getMessage(status);
        return reason == null ? "Error" : reason;
    }

    private static void write(Response response, ApiResponse answer, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.body() == null) {
            callback.succeeded();
            return;
        }
        byte[] bytes;
        try {
            bytes = answer.body() instanceof byte[] raw ? raw : Json.MAPPER.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException e) {
            LOG.log(Level.ERROR, "cannot write the response as JSON", e);
            response.setStatus(500);
            bytes = "{\"title\":\"Internal Server Error\",\"status\":500}".getBytes(StandardCharsets.UTF_8);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
