package org.paymenter.ext.testkit.fakes.proxmox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The fake's HTTP side: waits the configured delay, checks the API token, parses the parameters, answers an
 * injected 500 or dispatches to the route, writes {@code {"data": ...}} or the error body, and records
 * the request with the status it got.
 */
final class PveHttpHandler implements HttpHandler {

    static final String API = "/api2/json";
    static final String TOKEN_PREFIX = "PVEAPIToken=";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PveCluster cluster;
    private final List<PveRoute> routes;
    private final String tokenId;
    private final String tokenSecret;
    private final List<RecordedRequest> requests;
    private final Map<String, String> failingPaths;
    private final Supplier<Duration> delay;
    private final BooleanSupplier messagesInBody;

    /**
     * @param requests       where each request is recorded (shared with the facade, thread-safe)
     * @param failingPaths   API path to the message of the 500 it answers (shared, thread-safe)
     * @param delay          the current per-request delay
     * @param messagesInBody whether an error's reason also goes into the body's {@code message}
     */
    PveHttpHandler(PveCluster cluster, List<PveRoute> routes, String tokenId, String tokenSecret,
            List<RecordedRequest> requests, Map<String, String> failingPaths, Supplier<Duration> delay,
            BooleanSupplier messagesInBody) {
        this.cluster = cluster;
        this.routes = List.copyOf(routes);
        this.tokenId = tokenId;
        this.tokenSecret = tokenSecret;
        this.requests = requests;
        this.failingPaths = failingPaths;
        this.delay = delay;
        this.messagesInBody = messagesInBody;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            pause();
            String method = exchange.getRequestMethod();
            String fullPath = exchange.getRequestURI().getPath();
            String path = fullPath.startsWith(API) ? fullPath.substring(API.length()) : fullPath;
            String contentType = header(exchange, "Content-Type");
            String authorization = header(exchange, "Authorization");
            String body = read(exchange.getRequestBody());
            PveParams params = null;
            int status;
            byte[] answer;
            try {
                String user = authenticate(authorization);
                if (!body.isEmpty() && !method.equals("POST") && !method.equals("PUT")) {
                    throw new PveError(501, "Unexpected content for method '" + method + "'");
                }
                params = PveParams.parse(exchange.getRequestURI().getRawQuery(), contentType, body);
                Object data = dispatch(method, path, fullPath, params, user);
                status = 200;
                answer = json(data, Map.of());
            } catch (Unauthorized e) {
                status = 401;
                answer = new byte[0];
            } catch (PveError e) {
                status = e.status();
                answer = errorBody(e);
            } catch (RuntimeException e) {
                // A bug of the fake, answered as the real daemon answers a handler that dies.
                status = 500;
                answer = errorBody(new PveError(500, "fake Proxmox failed: " + e));
            }
            requests.add(new RecordedRequest(method, path, params == null ? Map.of() : params.query(),
                    params == null ? Map.of() : params.body(), contentType, authorization, status));
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.getResponseHeaders().set("Server", "pve-api-daemon/3.0");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private Object dispatch(String method, String path, String fullPath, PveParams params, String user) {
        String injected = failingPaths.get(path);
        if (injected != null) {
            throw new PveError(500, injected);
        }
        if (!fullPath.startsWith(API)) {
            throw new PveError(501, "Method '" + method + " " + fullPath + "' not implemented");
        }
        for (PveRoute route : routes) {
            Optional<Matcher> match = route.match(method, path);
            if (match.isPresent()) {
                synchronized (cluster) {
                    return route.handler().handle(new PveRoute.Call(match.get(), params, user));
                }
            }
        }
        throw new PveError(501, "Method '" + method + " " + path + "' not implemented");
    }

    /** The token id when the header carries this fake's token; as on a real node, nothing else gets in. */
    private String authenticate(String authorization) {
        if (!authorization.startsWith(TOKEN_PREFIX)) {
            throw new Unauthorized();
        }
        String value = authorization.substring(TOKEN_PREFIX.length());
        int eq = value.indexOf('=');
        if (eq < 0 || !value.substring(0, eq).equals(tokenId) || !value.substring(eq + 1).equals(tokenSecret)) {
            throw new Unauthorized();
        }
        return tokenId;
    }

    /**
     * A 401. The real daemon puts its reason ("invalid token value!", "No ticket") in the status line, which
     * this server cannot set, and sends no body; so does the fake.
     */
    private static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized() {
            super(null, null, false, false);
        }
    }

    private void pause() {
        Duration d = delay.get();
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code {"data": null}}, with {@code errors} for parameter errors. The reason itself is the status line's
     * (spec §2.1.3), which this server cannot set; pve-http-server 5.2 and later (PVE 8.4) also put it into
     * {@code message}, as this fake does unless told otherwise.
     */
    private byte[] errorBody(PveError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (messagesInBody.getAsBoolean()) {
            body.put("message", e.getMessage() + "\n");
        }
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors());
        }
        return json(null, body);
    }

    /** {@code {"data": data, ...extra}}, the shape of every answer. */
    private static byte[] json(Object data, Map<String, Object> extra) {
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("data", data);
        whole.putAll(extra);
        try {
            return JSON.writeValueAsBytes(whole);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

}
