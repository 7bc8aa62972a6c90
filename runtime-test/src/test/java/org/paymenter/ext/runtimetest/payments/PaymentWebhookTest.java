package org.paymenter.ext.runtimetest.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.AdminApi;
import org.paymenter.ext.testkit.AdminApi.Response;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.samples.gateway.SampleGateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public webhook route records what the gateway proves before it answers, exactly once however often
 * the provider sends it; the admin API lists and shows the payments (embedded H2, the default store).
 */
class PaymentWebhookTest {

    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension();

    private static AdminApi api;
    private static SampleGatewayAccount euros;

    @BeforeAll
    static void openAccount() {
        api = AdminApi.of(RUNTIME.harness());
        euros = SampleGatewayAccount.open(RUNTIME.harness(), api, "eu", "EUR");
    }

    private static JsonNode payments(String query) {
        return api.get(AdminApi.ADMIN + "/payments" + query).expect(200).json();
    }

    @Test
    void theSameSignedWebhookSentThreeTimesIsOnePayment() {
        JsonNode first = euros.pay("inv-100", "10.00").expect(200).json();
        JsonNode second = euros.pay("inv-100", "10.00").expect(200).json();
        JsonNode third = euros.pay("inv-100", "10.00").expect(200).json();
        assertThat(first.path("received").asBoolean()).isTrue();
        assertThat(first.path("recorded").asInt()).isEqualTo(1);
        assertThat(List.of(second.path("recorded").asInt(), second.path("duplicates").asInt(),
                third.path("recorded").asInt(), third.path("duplicates").asInt())).containsExactly(0, 1, 0, 1);

        JsonNode items = payments("?invoiceId=inv-100").path("items");
        assertThat(items).hasSize(1);
        JsonNode payment = items.get(0);
        assertThat(payment.path("amount").asText()).isEqualTo("10.00");
        assertThat(payment.path("currency").asText()).isEqualTo("EUR");
        assertThat(payment.path("status").asText()).isEqualTo("succeeded");
        assertThat(payment.path("gateway").asText()).isEqualTo(SampleGateway.NAME);
        assertThat(payment.path("instanceId").asText()).isEqualTo(euros.instanceId());
        assertThat(payment.path("transactionId").asText()).isEqualTo("tx-inv-100");
        assertThat(payment.path("fee").isNull()).isTrue();
        assertThat(payment.path("createdAt").asText()).isNotBlank();

        JsonNode byId = api.get(AdminApi.ADMIN + "/payments/" + payment.path("id").asText()).expect(200).json();
        assertThat(byId).isEqualTo(payment);
    }

    @Test
    void anUnsignedWebhookIsRefusedAndRecordsNothing() {
        Response refused = euros.webhook("paid:inv-forged:99.00", "wrong-secret");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(payments("?invoiceId=inv-forged").path("items")).isEmpty();
    }

    @Test
    void amountsKeepTheirCurrencysMinorUnits() {
        SampleGatewayAccount yen = SampleGatewayAccount.open(RUNTIME.harness(), api, "jp", "JPY");
        yen.pay("inv-jpy", "1000").expect(200);
        assertThat(payments("?invoiceId=inv-jpy").path("items").get(0).path("amount").asText()).isEqualTo("1000");
        Response tooFine = yen.pay("inv-jpy-bad", "10.5");
        assertThat(tooFine.status()).isEqualTo(422);
        assertThat(tooFine.json().path("detail").asText()).contains("JPY has 0 decimal places");
    }

    @Test
    void listsPageByPageNewestFirst() {
        for (int i = 0; i < 5; i++) {
            euros.pay("inv-page-" + i, "1.00").expect(200);
        }
        List<String> invoices = new ArrayList<>();
        String next = "";
        int pages = 0;
        do {
            JsonNode page = payments("?gateway=" + SampleGateway.NAME + "&status=succeeded&limit=2"
                    + (next.isEmpty() ? "" : "&cursor=" + next));
            page.path("items").forEach(p -> invoices.add(p.path("invoiceId").asText()));
            next = page.path("next").isNull() ? "" : page.path("next").asText();
            pages++;
        } while (!next.isEmpty());
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(invoices.stream().filter(i -> i.startsWith("inv-page-")).toList())
                .containsExactly("inv-page-4", "inv-page-3", "inv-page-2", "inv-page-1", "inv-page-0");
        assertThat(payments("?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z").path("items")).isEmpty();
    }

    @Test
    void badFiltersAreRefusedWithASentence() {
        assertThat(detail(api.get(AdminApi.ADMIN + "/payments?limit=0"), 400)).contains("limit must be");
        assertThat(detail(api.get(AdminApi.ADMIN + "/payments?limit=501"), 400)).contains("from 1 to 500");
        assertThat(detail(api.get(AdminApi.ADMIN + "/payments?from=yesterday"), 400)).contains("ISO-8601 instant");
        assertThat(detail(api.get(AdminApi.ADMIN + "/payments?status=paid"), 400))
                .contains("status must be one of processing, succeeded, failed, refunded");
        assertThat(detail(api.get(AdminApi.ADMIN + "/payments?cursor=bogus"), 400)).contains("cursor");
        assertThat(detail(api.get(AdminApi.ADMIN + "/payments?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z"),
                400)).contains("must be before");
        assertThat(detail(api.get(AdminApi.ADMIN + "/payments/01JUNKNOWN0000000000000000"), 404)).contains("no payment");
        assertThat(detail(api.get(AdminApi.ADMIN + "/deliveries?status=lost"), 400))
                .contains("pending, failed, delivered");
    }

    private static String detail(Response response, int status) {
        response.expect(status);
        assertThat(response.contentType()).isEqualTo(AdminApi.PROBLEM_JSON);
        return response.json().path("detail").asText();
    }

    @Test
    void withoutAPanelCallbackDeliveriesWaitAndSayWhy() {
        euros.pay("inv-waiting", "3.00").expect(200);
        JsonNode deliveries = api.get(AdminApi.ADMIN + "/deliveries").expect(200).json();
        assertThat(deliveries.path("idle").asText()).contains("--panel-callback");
        assertThat(deliveries.path("counts").path("pending").asLong()).isPositive();
        assertThat(deliveries.path("items")).allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("pending"));
        assertThat(api.get(AdminApi.ADMIN + "/deliveries?status=delivered").expect(200).json().path("items")).isEmpty();
    }
}
