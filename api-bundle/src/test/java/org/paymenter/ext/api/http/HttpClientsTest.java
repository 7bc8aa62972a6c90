package org.paymenter.ext.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;

class HttpClientsTest {

    private final AtomicInteger built = new AtomicInteger();
    private final HttpClients clients = new HttpClients(() -> {
        built.incrementAndGet();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    });

    @Test
    void nothingIsBuiltUntilAClientIsAskedFor() {
        assertThat(built).hasValue(0);
    }

    @Test
    void eachKindIsBuiltOnceWithTheExtensionsSettingsAndShared() throws Exception {
        HttpClient verifying = clients.client(true);
        HttpClient unverified = clients.client(false);

        assertThat(clients.client(true)).isSameAs(verifying);
        assertThat(clients.client(false)).isSameAs(unverified);
        assertThat(built).hasValue(2);
        assertThat(verifying.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(verifying.sslContext()).isSameAs(SSLContext.getDefault());
        assertThat(unverified.sslContext()).isNotSameAs(SSLContext.getDefault());
    }
}
