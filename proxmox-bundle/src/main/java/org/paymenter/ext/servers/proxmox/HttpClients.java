package org.paymenter.ext.servers.proxmox;

import java.net.http.HttpClient;

import javax.net.ssl.SSLContext;
import org.paymenter.ext.api.http.UnverifiedTls;

/**
 * The two JDK HTTP clients an extension needs: one that verifies certificates and one that does not (for
 * instances whose admin switched verification off). Built once per extension object and shared by its
 * instances, since an {@link HttpClient} holds a selector thread; per-instance settings (base URL, timeout,
 * token) travel with each request. Each is built on first use: building one loads the JDK's trust store and
 * TLS setup (about 50 ms), which the runtime's start should not wait for.
 */
final class HttpClients {

    private volatile HttpClient verifying;
    private volatile HttpClient trusting;

    HttpClient forConnection(Connection connection) {
        boolean verify = connection.verifyTls();
        HttpClient client = verify ? verifying : trusting;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (verify) {
                if (verifying == null) {
                    verifying = builder().build();
                }
                return verifying;
            }
            if (trusting == null) {
                trusting = builder().sslContext(trustAll()).build();
            }
            return trusting;
        }
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
