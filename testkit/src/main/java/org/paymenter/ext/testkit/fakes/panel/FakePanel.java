package org.paymenter.ext.testkit.fakes.panel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A billing panel's callback endpoint on loopback, for the runtime's payment deliveries
 * ({@code --panel-callback}): answers each POST with the next scripted status, then with the default
 * (200), and remembers every call. {@link #signedBy} checks a call's {@code Paymenter-Signature} the way
 * a panel would: HMAC-SHA256 of {@code t + "." + body}.
 */
public final class FakePanel implements AutoCloseable {

    public static final String PATH = "/paymenter/callback";

    /** One callback as the panel received it, and the status it answered. */
    public record Call(String deliveryId, String event, String signature, String body, int answered) {

        public boolean accepted() {
            return answered / 100 == 2;
        }

        /** Whether the signature header is valid for this body under {@code secret}. */
        public boolean signedBy(String secret) {
            if (signature == null || !signature.matches("t=\\d+,v1=[0-9a-f]{64}")) {
                return false;
            }
            String t = signature.substring(2, signature.indexOf(','));
            byte[] given = HexFormat.of().parseHex(signature.substring(signature.indexOf("v1=") + 3));
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return MessageDigest.isEqual(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)), given);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int defaultStatus = 200;

    public FakePanel() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Where the runtime should POST: pass it as {@code --panel-callback}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** The next answers, in order; afterwards the default. */
    public FakePanel answer(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    public FakePanel answerFromNowOn(int status) {
        defaultStatus = status;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> accepted() {
        return calls.stream().filter(Call::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Integer scripted = script.poll();
        int status = scripted == null ? defaultStatus : scripted;
        calls.add(new Call(exchange.getRequestHeaders().getFirst("Paymenter-Delivery"),
                exchange.getRequestHeaders().getFirst("Paymenter-Event"),
                exchange.getRequestHeaders().getFirst("Paymenter-Signature"), body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
