package org.paymenter.ext.others.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Discord's error answers as the sentence an admin reads. */
class DiscordErrorsTest {

    private final DiscordErrors errors = new DiscordErrors(new ObjectMapper());

    private String describe(int status, String body) {
        return errors.describe(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void messageAndCodeOfDiscordsErrorJson() {
        assertThat(describe(404, "{\"message\": \"Unknown Webhook\", \"code\": 10015}"))
                .isEqualTo("404 Unknown Webhook (code 10015)");
    }

    @Test
    void aFormErrorNamesTheFirstProblemsWithTheirPaths() {
        String body = "{\"code\": 50035, \"errors\": {\"embeds\": {\"0\": {\"fields\": {\"3\": {\"value\": {\"_errors\": "
                + "[{\"code\": \"BASE_TYPE_MAX_LENGTH\", \"message\": \"Must be 1024 or fewer in length.\"}]}}}}}}, "
                + "\"message\": \"Invalid Form Body\"}";

        assertThat(describe(400, body)).isEqualTo(
                "400 Invalid Form Body (code 50035): embeds.0.fields.3.value: Must be 1024 or fewer in length.");
    }

    @Test
    void discordsOwnServerErrorMessageIsNotPrefixedTwice() {
        assertThat(describe(500, "{\"message\": \"500: Internal Server Error\", \"code\": 0}"))
                .isEqualTo("500: Internal Server Error");
    }

    @Test
    void anHtmlPageIsNamedNotQuoted() {
        assertThat(describe(502, "<html><body>Bad gateway</body></html>")).isEqualTo(
                "502 (an HTML page, not Discord's JSON: a proxy or Cloudflare answered)");
    }

    @Test
    void plainTextIsQuotedShortAndAnEmptyBodyIsJustTheStatus() {
        assertThat(describe(503, "x".repeat(300))).isEqualTo("503 " + "x".repeat(200) + "...");
        assertThat(describe(503, "")).isEqualTo("503");
    }
}
