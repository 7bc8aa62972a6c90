package org.paymenter.ext.others.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The unit rule of a 429's wait: documented by the URL's API version, else judged from the values. */
class RateLimitAnswerTest {

    private static final OptionalInt UNVERSIONED = OptionalInt.empty();

    /** @param body an Integer for a whole JSON number, a Double for a float, or null */
    private static RateLimitAnswer answer(Number body, Double header, Double resetAfter) {
        return answer(body, header, resetAfter, false);
    }

    private static RateLimitAnswer answer(Number body, Double header, Double resetAfter, boolean global) {
        return new RateLimitAnswer(body == null ? OptionalDouble.empty() : OptionalDouble.of(body.doubleValue()),
                body instanceof Integer, header == null ? OptionalDouble.empty() : OptionalDouble.of(header),
                resetAfter == null ? OptionalDouble.empty() : OptionalDouble.of(resetAfter), global);
    }

    @Test
    void v10SecondsFromTheBodyAreSeconds() {
        assertThat(answer(0.529, 1.0, 0.529).waitFor(UNVERSIONED)).isEqualTo(Duration.ofMillis(529));
        assertThat(answer(2.5, 3.0, null).waitFor(OptionalInt.of(10))).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aUrlNamingV6OrV7MeansMillisecondsEvenForSmallValues() {
        assertThat(answer(300, null, null).waitFor(OptionalInt.of(6))).isEqualTo(Duration.ofMillis(300));
        assertThat(answer(5, null, null).waitFor(OptionalInt.of(7))).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void aUrlNamingV8OrLaterMeansSecondsEvenForLargeValues() {
        assertThat(answer(1500, null, null).waitFor(OptionalInt.of(9))).isEqualTo(Duration.ofSeconds(1500));
    }

    @Test
    void onAnUnversionedUrlWholeValuesAbove1000AreMilliseconds() {
        assertThat(answer(6457, null, null).waitFor(UNVERSIONED)).isEqualTo(Duration.ofMillis(6457));
        assertThat(answer(1000, null, null).waitFor(UNVERSIONED)).isEqualTo(Duration.ofSeconds(1000));
    }

    @Test
    void aFloatInTheBodyIsSecondsWhateverTheOtherValues() {
        // a global limit's retry_after beside a webhook's short Reset-After, as v10 answers it
        assertThat(answer(2.0, null, 0.05, true).waitFor(UNVERSIONED)).isEqualTo(Duration.ofSeconds(2));
        assertThat(answer(1500.5, null, null).waitFor(UNVERSIONED)).isEqualTo(Duration.ofMillis(1_500_500));
    }

    @Test
    void onAnUnversionedUrlAValueFarAboveTheResetAfterSecondsIsMilliseconds() {
        assertThat(answer(300, 300.0, 0.3).waitFor(UNVERSIONED)).isEqualTo(Duration.ofMillis(300));
        assertThat(answer(3, 3.0, 3.0).waitFor(UNVERSIONED)).isEqualTo(Duration.ofSeconds(3));
        assertThat(answer(8, null, 0.3).waitFor(UNVERSIONED)).isEqualTo(Duration.ofSeconds(8));
        assertThat(answer(300, null, 0.3, true).waitFor(UNVERSIONED)).as("global").isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void theRetryAfterHeaderCountsWhenTheBodyHasNoValue() {
        assertThat(answer(null, 2.0, null).waitFor(UNVERSIONED)).isEqualTo(Duration.ofSeconds(2));
        // HTTP's unit; Cloudflare's bans say Retry-After: 3600 over an HTML page
        assertThat(answer(null, 3600.0, null).waitFor(UNVERSIONED)).isEqualTo(Duration.ofSeconds(3600));
    }

    @Test
    void resetAfterIsSecondsAndOneSecondIsTheLastResort() {
        assertThat(answer(null, null, 0.75).waitFor(UNVERSIONED)).isEqualTo(Duration.ofMillis(750));
        assertThat(answer(null, null, null).waitFor(UNVERSIONED)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNegativeValueIsNoWait() {
        assertThat(answer(-1, null, null).waitFor(UNVERSIONED)).isEqualTo(Duration.ZERO);
    }

    @Test
    void readsBodyHeadersAndTheGlobalFlagOfA429() throws Exception {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("1"), "X-RateLimit-Reset-After",
                List.of("0.250"), "X-RateLimit-Global", List.of("true")), (k, v) -> true);
        var body = new ObjectMapper().readTree("{\"message\":\"You are being rate limited.\",\"retry_after\":0.25,"
                + "\"global\":false}");

        RateLimitAnswer answer = RateLimitAnswer.from(headers, body);

        assertThat(answer.bodyRetryAfter()).hasValue(0.25);
        assertThat(answer.headerRetryAfter()).hasValue(1.0);
        assertThat(answer.resetAfter()).hasValue(0.25);
        assertThat(answer.global()).isTrue();
        assertThat(answer.waitFor(UNVERSIONED)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aNonJsonBodyFallsBackToTheHeaders() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of("2")), (k, v) -> true);

        assertThat(RateLimitAnswer.from(headers, null).waitFor(UNVERSIONED)).isEqualTo(Duration.ofSeconds(2));
    }
}
