package org.paymenter.ext.runtimetest.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.fakes.panel.FakePanel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every committed payment reaches the panel's callback URL, signed, from the durable outbox: retried with
 * back-off (1 s, 2 s, 4 s, ...) while the panel fails, delivered once when it recovers, and not lost when
 * the runtime restarts in between.
 */
class PanelCallbackTest {

    /** 1 + 2 + 4 s of back-off, with room for a slow machine. */
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private FakePanel panel;
    private RuntimeHarness runtime;

    @BeforeEach
    void start() {
        panel = new FakePanel();
        runtime = RuntimeHarness.start(work, o -> o.withPanelCallback(panel.url().toString()));
    }

    @AfterEach
    void stop() {
        runtime.close();
        panel.close();
    }

    private String secret() throws IOException {
        return Files.readString(runtime.dataDir().resolve("callback-secret")).trim();
    }

    @Test
    void aPanelThatAnswers500ThreeTimesGetsThePaymentOnceItRecovers() throws Exception {
        panel.answer(500, 500, 500);
        AdminApi api = AdminApi.of(runtime);
        SampleGatewayAccount account = SampleGatewayAccount.open(runtime, api, "eu", "EUR");
        account.pay("inv-200", "19.99").expect(200);

        Poll.untilTrue("the panel to accept the payment", DELIVERY, () -> panel.accepted().size() == 1,
                () -> "calls " + panel.calls());
        Thread.sleep(1500); // longer than the first back-off: nothing more arrives once it is delivered
        List<FakePanel.Call> calls = panel.calls();
        assertThat(calls).extracting(FakePanel.Call::answered).containsExactly(500, 500, 500, 200);
        assertThat(calls).extracting(FakePanel.Call::deliveryId).containsOnly(calls.get(0).deliveryId());
        String secret = secret();
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.signedBy(secret)).as("signature of %s", c).isTrue();
            assertThat(c.event()).isEqualTo("paymenter/invoice/payment");
        });
        JsonNode delivered = new ObjectMapper().readTree(calls.get(3).body());
        JsonNode recorded = api.get(AdminApi.ADMIN + "/payments?invoiceId=inv-200").expect(200).json().path("items").get(0);
        assertThat(delivered).isEqualTo(recorded);
        assertThat(delivered.path("amount").asText()).isEqualTo("19.99");

        JsonNode deliveries = api.get(AdminApi.ADMIN + "/deliveries?status=delivered").expect(200).json();
        assertThat(deliveries.path("items")).hasSize(1);
        assertThat(deliveries.path("items").get(0).path("attempts").asInt()).isEqualTo(4);
        assertThat(deliveries.path("idle").isNull()).isTrue();
        assertThat(deliveries.path("counts").path("pending").asLong()).isZero();
        assertThat(deliveries.path("counts").path("failed").asLong()).isZero();
    }

    @Test
    void aDeliveryPendingAtARestartIsDeliveredOnceAfterIt() throws Exception {
        panel.answerFromNowOn(503);
        AdminApi api = AdminApi.of(runtime);
        SampleGatewayAccount account = SampleGatewayAccount.open(runtime, api, "eu", "EUR");
        account.pay("inv-300", "5.00").expect(200);
        JsonNode failed = Poll.until("a failed attempt on record", DELIVERY, () -> {
            JsonNode items = api.get(AdminApi.ADMIN + "/deliveries?status=failed").expect(200).json().path("items");
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
        }, () -> "calls " + panel.calls());
        assertThat(failed.path("lastError").asText()).isEqualTo("HTTP 503");

        runtime.runtime().close(); // the runtime is down while the panel recovers
        int callsWhileUp = panel.calls().size();
        panel.answerFromNowOn(200);
        runtime.restart();

        Poll.untilTrue("the delivery after the restart", DELIVERY, () -> panel.accepted().size() == 1,
                () -> "calls " + panel.calls());
        Thread.sleep(1500);
        assertThat(panel.accepted()).hasSize(1);
        assertThat(panel.calls()).extracting(FakePanel.Call::deliveryId).containsOnly(panel.calls().get(0).deliveryId());
        assertThat(panel.calls().size()).isEqualTo(callsWhileUp + 1);
        assertThat(panel.accepted().get(0).signedBy(secret())).isTrue();

        AdminApi after = AdminApi.of(runtime);
        assertThat(after.get(AdminApi.ADMIN + "/payments?invoiceId=inv-300").expect(200).json().path("items")).hasSize(1);
        JsonNode again = account.on(after).pay("inv-300", "5.00").expect(200).json();
        assertThat(again.path("duplicates").asInt()).isEqualTo(1);
        Thread.sleep(500);
        assertThat(panel.calls().size()).isEqualTo(callsWhileUp + 1);
    }
}
