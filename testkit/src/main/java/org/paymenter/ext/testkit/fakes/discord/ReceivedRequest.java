package org.paymenter.ext.testkit.fakes.discord;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One request the fake received and what it answered.
 *
 * @param at          when it arrived
 * @param method      the HTTP method
 * @param path        the raw path
 * @param query       the raw query, or "" when there is none
 * @param contentType the Content-Type header, or ""
 * @param userAgent   the User-Agent header, or ""
 * @param body        the body as text
 * @param webhookId   the webhook id the path names, or "" when the path is not a webhook's
 * @param status      the status the fake answered
 */
public record ReceivedRequest(Instant at, String method, String path, String query, String contentType,
        String userAgent, String body, String webhookId, int status) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Whether Discord would have posted it (a 2xx answer). */
    public boolean accepted() {
        return status / 100 == 2;
    }

    /** The body as JSON; an AssertionError when it is not. */
    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the request body is not JSON: " + body, e);
        }
    }
}
