package org.paymenter.ext.api.http;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The two JDK HTTP clients an extension needs: one that verifies server certificates and one that does not
 * ({@link UnverifiedTls}, for instances whose admin switched verification off). An {@link HttpClient} holds
 * a selector thread and a connection pool, so an extension makes one of these and shares it among its
 * instances; per-instance settings (base URL, timeouts, credentials) travel with each request. Each client
 * is built on first use: building one loads the JDK's trust store (about 50 ms), which the runtime's start
 * should not wait for.
 */
public final class HttpClients {

    private final Supplier<HttpClient.Builder> builder;
    private volatile HttpClient verifying;
    private volatile HttpClient unverified;

    /** @param builder a fresh builder with the extension's settings (version, timeouts, redirects) */
    public HttpClients(Supplier<HttpClient.Builder> builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /** The client for an instance that verifies certificates ({@code verifyTls}) or does not. */
    public HttpClient client(boolean verifyTls) {
        HttpClient client = verifyTls ? verifying : unverified;
        if (client != null) {
            return client;
        }
        synchronized (this) {
            if (verifyTls) {
                if (verifying == null) {
                    verifying = builder.get().build();
                }
                return verifying;
            }
            if (unverified == null) {
                unverified = builder.get().sslContext(UnverifiedTls.context()).build();
            }
            return unverified;
        }
    }
}
