package org.paymenter.ext.servers.proxmox;

import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

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
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { new AcceptingTrustManager() }, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot create a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Accepts any server certificate and host name. An extended trust manager, because the JDK checks the
     * host name inside the extended variant's methods: a plain one would still reject a node reached by IP.
     */
    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Deliberately accepting: the admin switched verification off for this instance.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Deliberately accepting: the admin switched verification off for this instance.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Deliberately accepting: the admin switched verification off for this instance.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Deliberately accepting: the admin switched verification off for this instance.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Deliberately accepting: the admin switched verification off for this instance.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Deliberately accepting: the admin switched verification off for this instance.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
