package org.paymenter.ext.others.discord;

import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;

import org.paymenter.ext.api.http.UnverifiedTls;

/**
 * The two HTTP clients of the extension: one that verifies TLS certificates, and, made only when an
 * instance switches verification off, one that does not. Instances differ only in their URL, which every
 * request carries, so they share the clients.
 */
final class HttpClients {

    private final HttpClient verifying = builder().build();
    private volatile HttpClient trusting;

    HttpClient client(boolean verifyTls) {
        if (verifyTls) {
            return verifying;
        }
        HttpClient client = trusting;
        if (client == null) {
            synchronized (this) {
                if (trusting == null) {
                    trusting = builder().sslContext(trustingContext()).build();
                }
                client = trusting;
            }
        }
        return client;
    }

    /** HTTP/1.1: one short request per event gains nothing from HTTP/2. Redirects are not followed. */
    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(RetryPolicy.CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    private static SSLContext trustingContext() {
        return UnverifiedTls.context();
    }

}
