package org.paymenter.ext.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The admin REST API of a running runtime, over real HTTP ({@link HttpClient}, HTTP/1.1), with the admin
 * token the server checks. Every call returns a {@link Response} whatever its status, so tests assert on
 * error answers as easily as on successes; only the setup helpers ({@link #install}, {@link #createInstance})
 * insist on success.
 *
 * <pre>{@code
 * AdminApi api = AdminApi.of(harness);
 * Response r = api.get(AdminApi.extension("servers", "sampleserver") + "/metadata");
 * assertThat(r.status()).isEqualTo(200);
 * assertThat(r.json().path("version").asText()).isEqualTo("1.0.0");
 * }</pre>
 */
public final class AdminApi {

    public static final String ADMIN = "/api/v1/admin";
    public static final String EXTENSIONS = ADMIN + "/extensions";
    public static final String OPENAPI = "/api/v1/openapi.json";
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String JAR = "application/java-archive";
    /** The variable the server prefers to the generated token file (DESIGN.md). */
    public static final String TOKEN_ENV = "PAYMENTER_ADMIN_TOKEN";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI base;
    /** The whole Authorization header value, or null to send none. */
    private final String authorization;

    private AdminApi(HttpClient client, URI base, String authorization) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
    }

    /**
     * The API of {@code runtime}: the address the HTTP bundle publishes (waited for) and the token the
     * server checks, i.e. {@value #TOKEN_ENV} when the test JVM has it, else {@code <data>/admin-token}.
     */
    public static AdminApi of(RuntimeHarness runtime) {
        URI base = runtime.runtime().adminApi(Poll.DEFAULT_TIMEOUT).orElseThrow(() -> new AssertionError(
                "the HTTP bundle did not publish the admin API's address within " + Poll.DEFAULT_TIMEOUT.toSeconds()
                        + " s"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new AdminApi(client, base, "Bearer " + token(runtime.dataDir()));
    }

    /** The token the server accepts, read the way it reads it. */
    public static String token(Path dataDir) {
        String fromEnv = System.getenv(TOKEN_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            return Files.readString(dataDir.resolve("admin-token"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no admin token file in " + dataDir, e);
        }
    }

    public URI base() {
        return base;
    }

    /** The same API called with {@code Authorization: Bearer <token>}. */
    public AdminApi withToken(String token) {
        return withAuthorization("Bearer " + token);
    }

    /** The same API called with this exact Authorization header (e.g. another scheme). */
    public AdminApi withAuthorization(String headerValue) {
        return new AdminApi(client, base, headerValue);
    }

    /** The same API called without an Authorization header, as a payment provider calls a webhook. */
    public AdminApi withoutToken() {
        return new AdminApi(client, base, null);
    }

    // --- paths --------------------------------------------------------------------------------------

    /** {@code /api/v1/admin/extensions/<category>/<name>}. */
    public static String extension(String category, String name) {
        return EXTENSIONS + "/" + category + "/" + name;
    }

    /** {@code /api/v1/admin/extensions/<category>/<name>/instances}. */
    public static String instances(String category, String name) {
        return extension(category, name) + "/instances";
    }

    /** {@code /api/v1/admin/extensions/<category>/<name>/instances/<id>}. */
    public static String instance(String category, String name, String id) {
        return instances(category, name) + "/" + id;
    }

    /** {@code /api/v1/webhooks/<name>/<instanceId>}. */
    public static String webhook(String name, String instanceId) {
        return "/api/v1/webhooks/" + name + "/" + instanceId;
    }

    // --- calls --------------------------------------------------------------------------------------

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** POST with no body. */
    public Response post(String path) {
        return send("POST", path, null, null);
    }

    /** POST of {@code value} as JSON (a Map, List, record or JsonNode). */
    public Response postJson(String path, Object value) {
        return send("POST", path, JSON, toJson(value));
    }

    /** PUT of {@code value} as JSON. */
    public Response putJson(String path, Object value) {
        return send("PUT", path, JSON, toJson(value));
    }

    /** POST of text sent byte for byte as {@code application/json} (for malformed JSON, say). */
    public Response postRawJson(String path, String text) {
        return send("POST", path, JSON, text.getBytes(StandardCharsets.UTF_8));
    }

    public Response postJar(String path, Path jar) {
        return send("POST", path, JAR, read(jar));
    }

    public Response putJar(String path, Path jar) {
        return send("PUT", path, JAR, read(jar));
    }

    /** Any method, a body or none (null), and extra headers as name/value pairs. Content-Length is set. */
    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        return exchange(method, path, contentType,
                body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body), headers);
    }

    /** Like {@link #send(String, String, String, byte[], String...)} but streamed chunked, without Content-Length. */
    public Response sendChunked(String method, String path, String contentType, byte[] body, String... headers) {
        return exchange(method, path, contentType, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                headers);
    }

    private Response exchange(String method, String path, String contentType, BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method + " " + path, response.statusCode(), response.headers().map(),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    // --- setup helpers ------------------------------------------------------------------------------

    /** Installs a jar through {@code POST /extensions}; fails unless the answer is 201 with state active. */
    public Response install(Path jar) {
        Response r = postJar(EXTENSIONS, jar);
        if (r.status() != 201 || !"active".equals(r.json().path("state").asText())) {
            throw new AssertionError("installing " + jar.getFileName() + " did not make it active: " + r);
        }
        return r;
    }

    /** Waits until {@code category/name} serves, i.e. its metadata answers 200; returns that metadata. */
    public JsonNode awaitExtension(String category, String name) {
        Response[] last = { null };
        return Poll.until(category + "/" + name + " to serve", Poll.DEFAULT_TIMEOUT, () -> {
            last[0] = get(extension(category, name) + "/metadata");
            return last[0].status() == 200 ? Optional.of(last[0].json()) : Optional.empty();
        }, () -> String.valueOf(last[0]));
    }

    /** Waits until {@code category/name} no longer serves (metadata 404). */
    public void awaitNoExtension(String category, String name) {
        Response[] last = { null };
        Poll.untilTrue(category + "/" + name + " to stop serving", Poll.DEFAULT_TIMEOUT, () -> {
            last[0] = get(extension(category, name) + "/metadata");
            return last[0].status() == 404;
        }, () -> String.valueOf(last[0]));
    }

    /** Creates an instance; fails unless the answer is 201. Returns its id. */
    public String createInstance(String category, String name, String instanceName, Map<String, ?> config) {
        Response r = postJson(instances(category, name), Map.of("name", instanceName, "config", config));
        if (r.status() != 201) {
            throw new AssertionError("creating instance " + instanceName + " of " + category + "/" + name
                    + " failed: " + r);
        }
        return r.json().path("id").asText();
    }

    private static byte[] toJson(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One answer.
     *
     * @param request {@code METHOD /path}, for failure messages
     * @param headers header name (lower case, as HTTP/1.1 clients see them) to values
     */
    public record Response(String request, int status, Map<String, List<String>> headers, String body) {

        /** This answer, or an AssertionError naming the request and the body when its status differs. */
        public Response expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new AssertionError("expected " + expectedStatus + " from " + this);
            }
            return this;
        }

        /** The first value of a header (any case), if present. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** The media type without parameters ({@code application/json}), or "" when there is none. */
        public String contentType() {
            return header("Content-Type").map(v -> v.split(";", 2)[0].trim()).orElse("");
        }

        /** The body as JSON; an AssertionError naming the body when it is not JSON. */
        public JsonNode json() {
            try {
                JsonNode node = MAPPER.readTree(body);
                if (node == null) {
                    throw new AssertionError(request + " answered " + status + " with an empty body");
                }
                return node;
            } catch (JsonProcessingException e) {
                throw new AssertionError(request + " answered " + status + " with a body that is not JSON: " + body, e);
            }
        }

        /** The texts of {@code field} of every element of the array at {@code arrayField}. */
        public List<String> texts(String arrayField, String field) {
            List<String> values = new ArrayList<>();
            json().path(arrayField).forEach(n -> values.add(n.path(field).asText()));
            return values;
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + body;
        }
    }
}
