package org.paymenter.ext.gateways.stripe;

import java.net.PasswordAuthentication;
import java.net.Proxy;

import com.stripe.Stripe;
import com.stripe.net.Authenticator;
import com.stripe.net.BearerTokenAuthenticator;
import com.stripe.net.StripeResponseGetterOptions;

/**
 * One instance's stripe-java settings: its key and API base, never the library's static globals
 * ({@code Stripe.apiKey}, {@code Stripe.overrideApiBase}), because two instances may use two accounts
 * and two hosts at the same time.
 */
final class InstanceClientOptions extends StripeResponseGetterOptions {

    private final StripeConnection connection;

    InstanceClientOptions(StripeConnection connection) {
        this.connection = connection;
    }

    @Override
    public Authenticator getAuthenticator() {
        return new BearerTokenAuthenticator(connection.secretKey());
    }

    @Override
    public String getClientId() {
        return null;
    }

    @Override
    public int getConnectTimeout() {
        return (int) StripeDefaults.CONNECT_TIMEOUT.toMillis();
    }

    @Override
    public int getReadTimeout() {
        return (int) StripeDefaults.READ_TIMEOUT.toMillis();
    }

    @Override
    public int getMaxNetworkRetries() {
        return StripeDefaults.NETWORK_RETRIES;
    }

    @Override
    public Proxy getConnectionProxy() {
        return null;
    }

    @Override
    public PasswordAuthentication getProxyCredential() {
        return null;
    }

    @Override
    public String getApiBase() {
        return connection.apiBase();
    }

    /** Only the API base is configurable; the extension uploads no files and uses no Connect OAuth. */
    @Override
    public String getFilesBase() {
        return Stripe.UPLOAD_API_BASE;
    }

    @Override
    public String getConnectBase() {
        return Stripe.CONNECT_API_BASE;
    }

    @Override
    public String getMeterEventsBase() {
        return Stripe.METER_EVENTS_API_BASE;
    }

    @Override
    public String getStripeAccount() {
        return null;
    }

    @Override
    public String getStripeContext() {
        return null;
    }
}
