package org.paymenter.ext.http.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.http.HttpRequest;
import org.paymenter.ext.api.server.ServiceRequest;
import org.paymenter.ext.http.routing.ApiRequest;

/** How a server operation's body becomes the (service, settings, properties) an extension gets. */
class ServiceRequestBodyTest {

    private static ServiceRequest parse(String json) throws Exception {
        HttpRequest raw = new HttpRequest("POST", "/services/create", Map.of(), Map.of(),
                json.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        return ServerOperationsResource.serviceRequest(new ApiRequest(raw, Map.of()));
    }

    @Test
    void propertiesAreTextAndNestedOnesStayJson() throws Exception {
        ServiceRequest request = parse("{\"service\": {\"id\": \"5\"}, \"properties\": {\"vmid\": 101, "
                + "\"ips\": [\"192.0.2.7\"], \"extra\": {\"a\": 1}, \"gone\": null}}");

        assertThat(request.property("vmid")).isEqualTo("101");
        assertThat(request.property("ips")).isEqualTo("[\"192.0.2.7\"]");
        assertThat(request.property("extra")).isEqualTo("{\"a\":1}");
        assertThat(request.property("gone")).isNull();
    }
}
