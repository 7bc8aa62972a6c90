package org.paymenter.ext.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A billing panel's callback endpoint on loopback: answers each POST with the next scripted status (then
 * with the default), and remembers what it was sent.
 */
public final class TestPanel implements AutoCloseable {

    /** One callback as the panel received it, with the status it answered. */
    public record Call(String deliveryId, String event, String signature, String body, int answered) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile int defaultStatus = 200;
    private volatile long delayMillis;

    public TestPanel() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/paymenter/callback", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/paymenter/callback");
    }

    /** The next answers, in order; afterwards {@link #answerFromNowOn}. */
    public TestPanel answer(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    public TestPanel answerFromNowOn(int status) {
        defaultStatus = status;
        return this;
    }

    /** Makes every answer take this long (to widen races). */
    public TestPanel slow(long millis) {
        delayMillis = millis;
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> accepted() {
        return calls.stream().filter(c -> c.answered() / 100 == 2).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
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
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
