package org.paymenter.ext.gateways.stripe;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;

/**
 * stripe-java's HTTP transport on the JDK's {@link HttpClient}, so that each instance has its own
 * connection settings (timeouts, and TLS verification the admin may switch off) instead of the JVM-wide
 * ones stripe-java's default {@code HttpURLConnection} transport uses.
 */
final class JdkStripeTransport extends com.stripe.net.HttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http;

    JdkStripeTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI()).timeout(StripeDefaults.READ_TIMEOUT);
        } catch (URISyntaxException e) {
            throw new ApiConnectionException("not a valid Stripe URL: " + request.url(), e);
        }
        headers(request).forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                builder.header(name, String.join(",", values));
            }
        });
        if (request.content() != null) {
            builder.header("Content-Type", request.content().contentType());
            builder.method(request.method().name(),
                    HttpRequest.BodyPublishers.ofByteArray(request.content().byteArrayContent()));
        } else {
            builder.method(request.method().name(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new StripeResponse(response.statusCode(), HttpHeaders.of(response.headers().map()),
                    response.body());
        } catch (IOException e) {
            // The cause stays attached: stripe-java retries connection failures by looking at it.
            throw new ApiConnectionException(describe(e) + " (" + request.url().getHost() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while waiting for Stripe", e);
        }
    }

    /** What stripe-java's own transport sends, plus its user-agent headers. */
    private static Map<String, List<String>> headers(StripeRequest request) {
        return request.headers().withAdditionalHeaders(Map.of(
                "User-Agent", List.of(buildUserAgentString(request)),
                "X-Stripe-Client-User-Agent", List.of(buildXStripeClientUserAgentString()))).map();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
