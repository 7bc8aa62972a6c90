package org.paymenter.ext.others.discord;

import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;

import org.paymenter.ext.api.http.UnverifiedTls;

/**
 * The two HTTP clients of the extension: one that verifies TLS certificates, and one that does not, for
 * instances that switch verification off. Each is made on first use: building one loads the JDK's trust
 * store and TLS setup (about 50 ms, most of this extension's start), which the runtime's start should not
 * wait for. Instances differ only in their URL, which every request carries, so they share the clients.
 */
final class HttpClients {

    private volatile HttpClient verifying;
    private volatile HttpClient trusting;

    HttpClient client(boolean verifyTls) {
        HttpClient client = verifyTls ? verifying : trusting;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (verifyTls) {
                if (verifying == null) {
                    verifying = builder().build();
                }
                return verifying;
            }
            if (trusting == null) {
                trusting = builder().sslContext(trustingContext()).build();
            }
            return trusting;
        }
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
