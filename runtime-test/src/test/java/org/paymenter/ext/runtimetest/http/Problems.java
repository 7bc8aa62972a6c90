package org.paymenter.ext.runtimetest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;

import com.fasterxml.jackson.databind.JsonNode;

/** What every error answer of the API must look like: an RFC 9457 problem with a sentence, no stack trace. */
final class Problems {

    private Problems() {
    }

    /** Asserts {@code r} is a problem document of {@code status}; returns its body. */
    static JsonNode assertProblem(Response r, int status) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).isEqualTo(AdminApi.PROBLEM_JSON);
        assertNoStackTrace(r);
        JsonNode body = r.json();
        assertThat(body.path("type").isTextual()).as("type of %s", r).isTrue();
        assertThat(body.path("title").asText()).as("title of %s", r).isNotBlank();
        assertThat(body.path("status").isInt()).as("status member of %s", r).isTrue();
        assertThat(body.path("status").asInt()).as("status member of %s", r).isEqualTo(status);
        assertThat(body.path("detail").asText()).as("detail of %s", r).isNotBlank();
        return body;
    }

    /** The problem's human sentence. */
    static String detail(Response r, int status) {
        return assertProblem(r, status).path("detail").asText();
    }

    static void assertNoStackTrace(Response r) {
        assertThat(r.body()).as("body of %s", r)
                .doesNotContain("\tat ")
                .doesNotContainPattern("at [a-z]+(\\.[a-zA-Z0-9_$]+)+\\(")
                .doesNotContainPattern("\\.java:\\d+");
    }
}
