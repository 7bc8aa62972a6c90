package org.paymenter.ext.servers.proxmox;

import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;
import org.paymenter.ext.api.http.UnverifiedTls;

/**
 * The two JDK HTTP clients an extension needs: one that verifies certificates and one that does not (for
 * instances whose admin switched verification off). Built once per extension object and shared by its
 * instances, since an {@link HttpClient} holds a selector thread; per-instance settings (base URL, timeout,
 * token) travel with each request.
 */
final class HttpClients {

    private final HttpClient verifying;
    private volatile HttpClient trusting;

    HttpClients() {
        this.verifying = builder().build();
    }

    HttpClient forConnection(Connection connection) {
        return connection.verifyTls() ? verifying : trusting();
    }

    private HttpClient trusting() {
        HttpClient client = trusting;
        if (client == null) {
            synchronized (this) {
                if (trusting == null) {
                    trusting = builder().sslContext(trustAll()).build();
                }
                client = trusting;
            }
        }
        return client;
    }

    private static HttpClient.Builder builder() {
        // Proxmox VE speaks HTTP/1.1 only; asking for HTTP/2 would only add an upgrade attempt.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ProxmoxDefaults.CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
    }

    private static SSLContext trustAll() {
        return UnverifiedTls.context();
    }
}
