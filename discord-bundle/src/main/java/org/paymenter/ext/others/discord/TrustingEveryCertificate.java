package org.paymenter.ext.others.discord;

import java.net.Socket;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What "Verify TLS certificates" off means: any certificate, for any host name. An extended trust manager,
 * because with one the JDK leaves the host-name check to it, so no JVM-wide switch is needed.
 */
final class TrustingEveryCertificate extends X509ExtendedTrustManager {

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // trusted by the admin's choice
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // trusted by the admin's choice
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // trusted by the admin's choice
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // a client only checks servers
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // a client only checks servers
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // a client only checks servers
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
