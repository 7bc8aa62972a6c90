package org.paymenter.ext.store.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CallbackSignerTest {

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        String header = new CallbackSigner("whsec_test").header(1700000000L,
                "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8));
        // printf '1700000000.{"id":"1"}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(header)
                .isEqualTo("t=1700000000,v1=11bf4466ea17c3df3fd743af0b435368e16b7a05eb8eced85e8c4670767bdec5");
    }

    @Test
    void anotherSecretOrBodyOrTimeGivesAnotherSignature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String one = new CallbackSigner("a").header(1, body);
        assertThat(new CallbackSigner("b").header(1, body)).isNotEqualTo(one);
        assertThat(new CallbackSigner("a").header(2, body).substring(4)).isNotEqualTo(one.substring(4));
        assertThat(new CallbackSigner("a").header(1, "{ }".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(one);
    }

    @Test
    void refusesAnEmptySecret() {
        assertThatThrownBy(() -> new CallbackSigner("")).hasMessageContaining("empty");
    }
}
