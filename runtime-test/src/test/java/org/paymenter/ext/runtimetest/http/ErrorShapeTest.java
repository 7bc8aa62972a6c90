package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.runtimetest.http.Problems.assertNoStackTrace;
import static org.paymenter.ext.runtimetest.http.Problems.assertProblem;
import static org.paymenter.ext.testkit.AdminApi.EXTENSIONS;
import static org.paymenter.ext.testkit.AdminApi.instance;
import static org.paymenter.ext.testkit.AdminApi.instances;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;
import org.paymenter.ext.testkit.samples.server.SampleServer;

import com.fasterxml.jackson.databind.JsonNode;

/** Every error is an application/problem+json document with a sentence; none is a stack trace or a 500. */
class ErrorShapeTest {

    private static final String SERVERS = instances("servers", SampleServer.NAME);

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static AdminApi api;
    private static String serverInstance;
    private static String gatewayInstance;

    @BeforeAll
    static void deploySamples() {
        RuntimeHarness rt = RUNTIME.harness();
        api = AdminApi.of(rt);
        api.install(Samples.server().build(rt.scratchDir()));
        api.install(Samples.gateway().build(rt.scratchDir()));
        api.awaitExtension("servers", SampleServer.NAME);
        api.awaitExtension("gateways", SampleGateway.NAME);
        serverInstance = instance("servers", SampleServer.NAME,
                api.createInstance("servers", SampleServer.NAME, "errors", Map.of("host", "a.example")));
        gatewayInstance = instance("gateways", SampleGateway.NAME,
                api.createInstance("gateways", SampleGateway.NAME, "errors", Map.of("secret", "s")));
    }

    @Test
    void notFound() {
        JsonNode p = assertProblem(api.get(AdminApi.ADMIN + "/nothing-here"), 404);

        assertThat(p.path("title").asText()).isEqualTo("Not Found");
        assertThat(p.path("detail").asText()).contains("/nothing-here");
    }

    @Test
    void methodNotAllowedNamesTheAllowedMethods() {
        Response r = api.delete(EXTENSIONS);

        JsonNode p = assertProblem(r, 405);
        assertThat(r.header("Allow")).hasValue("GET, HEAD, POST");
        assertThat(p.path("detail").asText()).contains("DELETE").contains("GET, HEAD, POST");
        assertThat(assertProblem(api.post("/health"), 405).path("title").asText()).isEqualTo("Method Not Allowed");
        assertThat(api.post("/health").header("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void malformedJsonIs400() {
        JsonNode p = assertProblem(api.postRawJson(SERVERS, "{\"name\": \"eu-1\", \"config\": {"), 400);

        assertThat(p.path("title").asText()).isEqualTo("Bad Request");
        assertThat(p.path("detail").asText()).containsIgnoringCase("JSON");
    }

    @Test
    void validationIs422WithTheFieldErrors() {
        JsonNode p = assertProblem(api.postJson(SERVERS, Map.of("name", "eu-1", "config", Map.of("port", "many"))), 422);

        assertThat(p.path("errors").isArray()).isTrue();
        assertThat(p.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("host", "port");
    }

    @Test
    void badInputIsNeverA500() {
        Map<String, String> bodies = Map.ofEntries(
                Map.entry(SERVERS, "{\"name\": 12, \"config\": {\"host\": \"a\"}}"),
                Map.entry(SERVERS + "?1", "{\"name\": \"x\", \"config\": \"host=a\"}"),
                Map.entry(SERVERS + "?2", "{\"name\": \"x\", \"config\": {\"host\": {\"deep\": [1, 2]}}}"),
                Map.entry(SERVERS + "?3", "\"just a string\""),
                Map.entry(SERVERS + "?4", "null"),
                Map.entry(serverInstance + "/services/create", "{\"service\": \"42\"}"),
                Map.entry(serverInstance + "/services/suspend", "{\"service\": {\"id\": \"42\", \"price\": \"cheap\"}}"),
                Map.entry(serverInstance + "/services/terminate", "{\"service\": {\"id\": \"42\"}, \"user\": 7}"),
                Map.entry(serverInstance + "/services/unsuspend", "{\"service\": {\"id\": \"42\"}, \"settings\": [1]}"),
                Map.entry(serverInstance + "/login-url", "{\"service\": {\"id\": [\"42\"]}}"),
                Map.entry(gatewayInstance + "/pay", "{\"invoice\": {\"id\": \"1\", \"currency\": \"EUR\", \"items\": 3}, \"amount\": \"1\"}"),
                Map.entry(gatewayInstance + "/pay?1", "{\"invoice\": {\"id\": \"1\", \"currency\": \"EUR\", \"total\": \"x\"}, \"amount\": \"1\"}"),
                Map.entry(gatewayInstance + "/pay?2", "{\"invoice\": [], \"amount\": \"1\"}"),
                Map.entry(gatewayInstance + "/refund", "{\"transactionId\": \"t\", \"amount\": \"-1\"}"),
                Map.entry(AdminApi.ADMIN + "/events", "{\"topic\": 5, \"data\": []}"));
        for (var e : bodies.entrySet()) {
            String path = e.getKey().replaceAll("\\?\\d$", "");
            Response r = api.postRawJson(path, e.getValue());
            assertThat(r.status()).as("%s with %s", r, e.getValue()).isBetween(400, 499);
            assertProblem(r, r.status());
        }
        Response r = api.putJson(serverInstance, Map.of("name", List.of("x")));
        assertThat(r.status()).as("%s", r).isBetween(400, 499);
        assertNoStackTrace(r);
    }

    @Test
    void requestsTheServerCannotEvenParseAreProblemsToo() throws IOException {
        for (String path : List.of("/api/v1/admin/extensions/%zz", "/api/v1/admin/extensions/%2e%2e/servers")) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400 ");
            assertThat(headerBlock(answer)).as(path).containsIgnoringCase("Content-Type: application/problem+json");
            assertThat(answer).as(path).doesNotContain("\tat ").doesNotContainPattern("\\.java:\\d+");
        }
        String tooLarge = raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(tooLarge).startsWith("HTTP/1.1 431 ");
        assertThat(headerBlock(tooLarge)).containsIgnoringCase("Content-Type: application/problem+json");
    }

    /**
     * An error answered before the body was read (401, 405, 413, no route) must not leave a keep-alive client
     * with a connection the server is about to drop: the answer either says "Connection: close", or the
     * connection really does serve the next request.
     */
    @Test
    void anErrorAnsweredBeforeTheBodyLeavesTheConnectionUsableOrSaysItIsClosing() throws IOException {
        String token = AdminApi.token(RUNTIME.harness().dataDir());
        String next = "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n";
        for (String head : List.of(
                "PUT " + EXTENSIONS + " HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n",
                "POST " + SERVERS + " HTTP/1.1\r\n",
                "POST " + AdminApi.ADMIN + "/nothing-here HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n")) {
            try (Socket socket = new Socket(api.base().getHost(), api.base().getPort())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                // The headers promise a body that has not arrived when the server answers.
                out.write((head + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String first = readResponse(socket.getInputStream());
                assertThat(first).as(head).matches("(?s)HTTP/1.1 4\\d\\d .*");
                if (headerBlock(first).toLowerCase().contains("connection: close")) {
                    continue;
                }
                out.write(("{}" + next).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(socket.getInputStream())).as("the next request after %s", head)
                        .startsWith("HTTP/1.1 200 ");
            }
        }
    }

    /** Sends bytes as they are (no client would send a malformed URI) and reads until the server closes. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(api.base().getHost(), api.base().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** One HTTP/1.1 response with a Content-Length; "" when the server closes the connection first. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
                head.write(b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no response within 5 s; got " + head.toString(StandardCharsets.ISO_8859_1), e);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        int length = headers.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(0);
        return headers + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
    }

    private static String headerBlock(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? response : response.substring(0, end);
    }
}
