package org.paymenter.ext.gateways.stripe;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server certificate and host name, for an instance whose admin switched TLS verification
 * off (a test server with a self-signed certificate). Being an extended trust manager, it also replaces
 * the host name check, which JSSE performs inside the trust manager.
 */
final class TrustingEverything extends X509ExtendedTrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Never asked: this side is the client.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // Trusted on purpose: verification is off for this instance.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Never asked: this side is the client.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // Trusted on purpose: verification is off for this instance.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Never asked: this side is the client.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // Trusted on purpose: verification is off for this instance.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
