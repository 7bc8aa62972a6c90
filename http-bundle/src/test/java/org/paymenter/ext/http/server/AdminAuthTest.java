package org.paymenter.ext.http.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminAuthTest {

    private final AdminAuth auth = new AdminAuth("s3cret-token\n");

    @Test
    void acceptsTheBearerTokenInAnyCaseOfTheScheme() {
        assertThat(auth.reject("Bearer s3cret-token")).isEmpty();
        assertThat(auth.reject("bearer s3cret-token")).isEmpty();
    }

    @Test
    void refusesWithAReasonThatNeverEchoesTheHeader() {
        assertThat(auth.reject(null)).contains("missing Authorization header; send 'Authorization: Bearer <admin token>'");
        assertThat(auth.reject("Basic czNjcmV0")).contains("the Authorization header must use the Bearer scheme");
        assertThat(auth.reject("Bearer s3cret-tokeN")).contains("wrong admin token");
        assertThat(auth.reject("Bearer ")).isPresent();
        assertThat(auth.reject("Bearer guess").orElseThrow()).doesNotContain("guess");
    }
}
