package org.paymenter.ext.others.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.ExtensionException;

/** The webhook URL: its API version, and never its token in text. */
class WebhookUrlTest {

    private static final String TOKEN = "AbCdEf-123_xyz";
    private static final String URL = "https://discord.com/api/webhooks/123456789012345678/" + TOKEN;

    @Test
    void theUsualUrlNamesNoVersionAndAVersionedOneDoes() {
        assertThat(WebhookUrl.parse(URL, "a").apiVersion()).isEmpty();
        assertThat(WebhookUrl.parse("https://discord.com/api/v10/webhooks/1/" + TOKEN, "a").apiVersion())
                .isEqualTo(OptionalInt.of(10));
    }

    @Test
    void plainHttpIsOnlyForThisMachineBecauseTheUrlCarriesTheToken() {
        assertThatThrownBy(() -> WebhookUrl.parse("http://discord.com/api/webhooks/1/" + TOKEN, "a"))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("must be https")
                .hasMessageNotContaining(TOKEN);
        assertThat(WebhookUrl.parse("http://127.0.0.1:8099/api/webhooks/1/" + TOKEN, "a").uri().getPort())
                .isEqualTo(8099);
        assertThat(WebhookUrl.parse("http://localhost/api/webhooks/1/" + TOKEN, "a").uri().getHost())
                .isEqualTo("localhost");
    }

    @Test
    void aThreadQueryIsKept() {
        assertThat(WebhookUrl.parse(URL + "?thread_id=42", "a").uri().getQuery()).isEqualTo("thread_id=42");
    }

    @Test
    void toStringHidesTheToken() {
        assertThat(WebhookUrl.parse(URL, "a").toString()).contains("discord.com").doesNotContain(TOKEN);
    }

    @Test
    void redactRemovesTheUrlAndTheToken() {
        WebhookUrl url = WebhookUrl.parse(URL, "a");

        assertThat(url.redact("POST " + URL + " failed; token " + TOKEN)).isEqualTo("POST *** failed; token ***");
        assertThat(url.redact(null)).isNull();
    }

    @Test
    void somethingElseIsRefusedWithoutBeingRepeated() {
        for (String bad : new String[] { "ftp://discord.com/api/webhooks/1/" + TOKEN, "https://discord.com/api/" + TOKEN,
                "not a url " + TOKEN, "https:///api/webhooks/1/" + TOKEN }) {
            assertThatThrownBy(() -> WebhookUrl.parse(bad, "alerts")).as(bad).isInstanceOf(ExtensionException.class)
                    .hasMessageContaining("instance 'alerts'").satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        }
    }
}
