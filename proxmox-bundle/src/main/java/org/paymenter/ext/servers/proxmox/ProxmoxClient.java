package org.paymenter.ext.servers.proxmox;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLException;

import org.paymenter.ext.api.ExtensionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The Proxmox VE REST API ({@code /api2/json}) of one instance, authenticated with its API token. Every
 * answer is {@code {"data": ...}}; {@code data} is what the methods return. Parameters go as a JSON body,
 * which the API accepts as well as a form (spec §2.1.3). A non-2xx answer, a timeout or an unreachable node
 * becomes a {@link ProxmoxException} whose message names the call, the status and the node's own message.
 */
final class ProxmoxClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api2/json";
    private static final String JSON_TYPE = "application/json";
    private static final int MAX_REASON_CHARS = 200;

    private final HttpClient http;
    private final Connection connection;

    /** Proxmox VE speaks HTTP/1.1 only; asking for HTTP/2 would only add an upgrade attempt. */
    static HttpClient.Builder httpClientBuilder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ProxmoxDefaults.CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
    }

    ProxmoxClient(HttpClient http, Connection connection) {
        this.http = http;
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    JsonNode get(String path) {
        return send("GET", path, Map.of(), null);
    }

    JsonNode get(String path, Map<String, String> query) {
        return send("GET", path, query, null);
    }

    JsonNode post(String path, Map<String, ?> params) {
        return send("POST", path, Map.of(), params);
    }

    JsonNode put(String path, Map<String, ?> params) {
        return send("PUT", path, Map.of(), params);
    }

    JsonNode delete(String path, Map<String, String> query) {
        return send("DELETE", path, query, null);
    }

    /** A path segment (node, storage name) made safe for a URL; UPIDs go unencoded, as the API expects. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, Map<String, String> query, Map<String, ?> params) {
        String call = method + " " + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, query))
                .timeout(connection.requestTimeout())
                .header("Authorization", connection.authorization())
                .header("Accept", JSON_TYPE);
        if (params == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.header("Content-Type", JSON_TYPE).method(method, BodyPublishers.ofString(json(params)));
        }
        HttpResponse<String> response = exchange(request.build(), call);
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw refused(status, body == null ? NullNode.getInstance() : body, response.body(), call);
        }
        if (body == null || !body.has("data")) {
            throw new ProxmoxException(status, "", "Proxmox VE answered " + status + " to " + call
                    + " without the {\"data\": ...} body of its API; is " + connection.base() + " a Proxmox VE node?", null);
        }
        return body.get("data");
    }

    private URI uri(String path, Map<String, String> query) {
        String q = query.isEmpty() ? "" : "?" + query.entrySet().stream()
                .map(e -> segment(e.getKey()) + "=" + segment(e.getValue())).collect(Collectors.joining("&"));
        return URI.create(connection.base() + API + path + q);
    }

    private HttpResponse<String> exchange(HttpRequest request, String call) {
        String where = "Proxmox VE at " + connection.base();
        try {
            return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProxmoxException(ProxmoxException.NO_ANSWER, "", where + " did not answer " + call + " within "
                    + connection.requestTimeout().toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ProxmoxException(ProxmoxException.NO_ANSWER, "", "cannot connect to " + where + " ("
                    + describe(e) + ")", e);
        } catch (SSLException e) {
            throw new ProxmoxException(ProxmoxException.NO_ANSWER, "", "TLS with " + where + " failed (" + describe(e)
                    + "); for a self-signed certificate, trust it in the JVM or switch off 'Verify TLS certificate'", e);
        } catch (IOException e) {
            throw new ProxmoxException(ProxmoxException.NO_ANSWER, "", call + " to " + where + " failed ("
                    + describe(e) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtensionException("interrupted while waiting for " + where + " to answer " + call, e);
        }
    }

    /**
     * The node's own words: pve-http-server 5.2 and later put them in {@code message} (older ones only in the
     * reason phrase, which the JDK client does not expose), parameter errors in {@code errors}; a proxy in
     * front of it, or a 401, may answer plain text. Without any of those, a sentence of ours.
     */
    private static ProxmoxException refused(int status, JsonNode body, String rawBody, String call) {
        String message = body.path("message").asText("").trim();
        if (message.isEmpty() && body.isNull() && rawBody != null) {
            message = firstLine(rawBody);
        }
        List<String> details = new ArrayList<>();
        body.path("errors").properties().forEach(e -> details.add(e.getKey() + ": " + e.getValue().asText().trim()));
        if (message.isEmpty()) {
            message = status == 401 ? "authentication failure; check the API token ID and secret"
                    : status == 403 ? "permission denied; give the API token's user the privileges it needs"
                    : details.isEmpty() ? "no reason in the answer (older Proxmox VE gives it only in the HTTP status "
                            + "line; the node's task log or syslog has it)" : "parameter verification failed";
        }
        String text = "Proxmox VE answered " + status + " to " + call + ": " + message
                + (details.isEmpty() ? "" : " (" + String.join("; ", details) + ")");
        return new ProxmoxException(status, message, text, null);
    }

    /** The first non-blank line of a plain-text answer, cut to a readable length; HTML pages say nothing useful. */
    private static String firstLine(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("<")) {
            return "";
        }
        String line = trimmed.lines().findFirst().orElse("").strip();
        return line.length() <= MAX_REASON_CHARS ? line : line.substring(0, MAX_REASON_CHARS) + "...";
    }

    /** The body as JSON, or null when it is empty or not JSON (a proxy's HTML error page). */
    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String json(Map<String, ?> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters cannot be written as JSON: " + params.keySet(), e);
        }
    }

    private static String describe(IOException e) {
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            return e.getMessage();
        }
        Throwable cause = e.getCause();
        return cause == null ? e.getClass().getSimpleName() : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
