package org.paymenter.ext.gateways.stripe;

import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.http.UnverifiedTls;

import com.stripe.StripeClient;
import com.stripe.net.LiveStripeResponseGetter;

/**
 * A {@link StripeClient} per connection (API base, key, TLS choice), built on first use and then shared,
 * since its HTTP client keeps connections open. Owned by the extension component, not static: each
 * version of the bundle has its own, and they go when it stops.
 */
final class StripeClients {

    private static final System.Logger LOG = System.getLogger(StripeClients.class.getName());

    private final Map<StripeConnection, StripeClient> clients = new ConcurrentHashMap<>();

    StripeClient client(StripeConnection connection) {
        return clients.computeIfAbsent(connection, StripeClients::build);
    }

    void close() {
        clients.clear();
    }

    private static StripeClient build(StripeConnection connection) {
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(StripeDefaults.CONNECT_TIMEOUT);
        if (!connection.verifyTls()) {
            LOG.log(Level.WARNING, "TLS certificate verification is OFF for Stripe at {0} ({1} unchecked in the "
                    + "instance config); anyone on the path can read the secret key", connection.apiBase(),
                    StripeFields.VERIFY_TLS);
            http.sslContext(trustingEverything());
        }
        return new StripeClient(new LiveStripeResponseGetter(new InstanceClientOptions(connection),
                new JdkStripeTransport(http.build())));
    }

    private static SSLContext trustingEverything() {
        return UnverifiedTls.context();
    }

}
