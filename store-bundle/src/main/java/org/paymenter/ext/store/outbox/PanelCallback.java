package org.paymenter.ext.store.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs one outbox row to the panel's callback URL, signed ({@link CallbackSigner}), with the event topic
 * in {@value #EVENT_HEADER} and the row's id in {@value #DELIVERY_HEADER}: a retry after a lost answer
 * carries the same id, which is how the panel recognises a delivery it already has. Only a 2xx answer
 * counts as delivered.
 */
public final class PanelCallback {

    public static final String EVENT_HEADER = "Paymenter-Event";
    public static final String DELIVERY_HEADER = "Paymenter-Delivery";

    private final URI url;
    private final CallbackSigner signer;
    private final HttpClient client;
    private final Clock clock;
    private final Duration timeout;

    public PanelCallback(URI url, CallbackSigner signer, HttpClient client, Clock clock, Duration timeout) {
        this.url = url;
        this.signer = signer;
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
    }

    public URI url() {
        return url;
    }

    CallbackOutcome post(OutboxRow row) {
        byte[] body = row.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(CallbackSigner.HEADER, signer.header(clock.instant().getEpochSecond(), body))
                .header(EVENT_HEADER, row.topic())
                .header(DELIVERY_HEADER, row.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? CallbackOutcome.ok() : CallbackOutcome.failed("HTTP " + status);
        } catch (IOException e) {
            return CallbackOutcome.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CallbackOutcome.failed("interrupted while the runtime stopped");
        }
    }
}
