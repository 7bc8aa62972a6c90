package org.paymenter.ext.api.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context for an instance whose admin switched certificate verification off (a panel with a
 * self-signed certificate): it accepts any server certificate and host name. One shared implementation, so
 * no extension writes its own; callers log a warning when they use it.
 */
public final class UnverifiedTls {

    private UnverifiedTls() {
    }

    /** A new context trusting every server; give it to {@code HttpClient.newBuilder().sslContext(...)}. */
    public static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { new AcceptingTrustManager() }, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot create a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * An extended trust manager, because JSSE checks the host name inside the extended variant's methods:
     * a plain one would still reject a server reached by IP or by another name.
     */
    private static final class AcceptingTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Never asked: this side is the client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Accepted on purpose: verification is off for this instance.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Never asked: this side is the client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // Accepted on purpose: verification is off for this instance.
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Never asked: this side is the client.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // Accepted on purpose: verification is off for this instance.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
