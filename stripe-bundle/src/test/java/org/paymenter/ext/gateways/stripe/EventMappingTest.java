package org.paymenter.ext.gateways.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.paymenter.ext.gateways.stripe.StripeTestConfig.WEBHOOK_SECRET;
import static org.paymenter.ext.gateways.stripe.StripeTestConfig.config;
import static org.paymenter.ext.gateways.stripe.StripeTestConfig.webhook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.User;
import org.paymenter.ext.api.gateway.AgreementRequest;
import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.Invoice;
import org.paymenter.ext.api.gateway.PaymentEvent;
import org.paymenter.ext.api.gateway.PaymentRequest;
import org.paymenter.ext.api.gateway.PaymentStart;
import org.paymenter.ext.api.gateway.PaymentStatus;
import org.paymenter.ext.api.gateway.RefundRequest;
import org.paymenter.ext.api.gateway.WebhookResult;
import org.paymenter.ext.testkit.fakes.stripe.FakeStripe;
import org.paymenter.ext.testkit.fakes.stripe.StripeEvents;
import org.paymenter.ext.testkit.fakes.stripe.StripeSignatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Each event type Stripe sends, made by the fake from objects the gateway created there, signed with
 * stripe-java's helper and delivered through {@link StripeGateway#webhook}.
 */
class EventMappingTest {

    private static final User USER = new User("7", "ada@example.com", "Ada", "Lovelace");

    private final FakeStripe stripe = FakeStripe.start();
    private final StripeGateway gateway = new StripeGateway();
    private final InstanceConfig checkout = config(stripe);
    private final InstanceConfig intents = config(stripe, StripeFields.PAYMENT_FLOW, StripeFields.FLOW_PAYMENT_INTENT);

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void aCompletedCheckoutSessionIsASucceededPaymentOfItsPaymentIntent() {
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(checkout, "42", "19.99", "EUR")));

        PaymentEvent event = single(deliver("checkout.session.completed", session));

        assertThat(event.invoiceId()).isEqualTo("42");
        assertThat(event.transactionId()).isEqualTo(session.path("payment_intent").asText()).startsWith("pi_");
        assertThat(event.amount()).isEqualTo(new BigDecimal("19.99"));
        assertThat(event.currency()).isEqualTo("EUR");
        assertThat(event.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(event.fee()).isNull();
    }

    @Test
    void zeroDecimalAmountsComeBackAsWholeUnits() {
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(checkout, "43", "500", "JPY")));
        assertThat(session.path("amount_total").asLong()).isEqualTo(500);

        PaymentEvent event = single(deliver("checkout.session.completed", session));

        assertThat(event.amount()).isEqualTo(new BigDecimal("500"));
        assertThat(event.currency()).isEqualTo("JPY");
    }

    @Test
    void aCheckoutSessionCompletedUnpaidIsProcessingUntilTheAsyncPaymentSucceedsOrFails() {
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(checkout, "44", "10.00", "EUR")));
        session.put("payment_status", "unpaid");

        assertThat(single(deliver("checkout.session.completed", session)).status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(single(deliver("checkout.session.async_payment_succeeded", session)).status())
                .isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(single(deliver("checkout.session.async_payment_failed", session)).status())
                .isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void aSubscriptionCheckoutIsRecordedUnderThePaymentIntentThatPaidItsFirstInvoice() {
        InstanceConfig subscriptions = config(stripe, StripeFields.BILLING, StripeFields.BILLING_SUBSCRIPTION);
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(subscriptions, "45", "9.99", "USD")));
        String invoicePayment = stripe.objects("invoice_payment").get(0).path("payment").path("payment_intent").asText();

        PaymentEvent event = single(deliver("checkout.session.completed", session));

        assertThat(session.path("invoice").asText()).startsWith("in_");
        assertThat(event.transactionId()).isEqualTo(invoicePayment).startsWith("pi_");
        assertThat(event.invoiceId()).isEqualTo("45");
        assertThat(event.amount()).isEqualTo(new BigDecimal("9.99"));
        assertThat(stripe.requests("GET", "/v1/invoice_payments")).hasSize(1);
    }

    @Test
    void aSubscriptionCheckoutNamesItsSubscription() {
        InstanceConfig subscriptions = config(stripe, StripeFields.BILLING, StripeFields.BILLING_SUBSCRIPTION);
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(subscriptions, "46", "9.99", "USD")));

        PaymentEvent event = single(deliver("checkout.session.completed", session));

        assertThat(event.subscriptionId()).isEqualTo(session.path("subscription").asText()).startsWith("sub_");
    }

    @Test
    void aRenewalInvoicePaidIsASucceededPaymentOfTheSubscriptionWithoutAnInvoiceId() {
        InstanceConfig subscriptions = config(stripe, StripeFields.BILLING, StripeFields.BILLING_SUBSCRIPTION);
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(subscriptions, "47", "9.99", "USD")));
        String subscription = session.path("subscription").asText();
        PaymentEvent first = single(deliver("checkout.session.completed", session));

        ObjectNode renewal = stripe.renewSubscription(subscription);
        PaymentEvent event = single(deliver("invoice.payment_succeeded", renewal));

        assertThat(renewal.path("billing_reason").asText()).isEqualTo("subscription_cycle");
        assertThat(event.invoiceId()).isNull();
        assertThat(event.subscriptionId()).isEqualTo(subscription);
        assertThat(event.transactionId()).startsWith("pi_").isNotEqualTo(first.transactionId());
        assertThat(event.amount()).isEqualTo(new BigDecimal("9.99"));
        assertThat(event.currency()).isEqualTo("USD");
        assertThat(event.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void theFirstPeriodsInvoicePaidAddsNothingToWhatItsCheckoutRecorded() {
        InstanceConfig subscriptions = config(stripe, StripeFields.BILLING, StripeFields.BILLING_SUBSCRIPTION);
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(subscriptions, "48", "9.99", "USD")));
        ObjectNode firstInvoice = stripe.objects("invoice").get(0);

        assertThat(firstInvoice.path("billing_reason").asText()).isEqualTo("subscription_create");
        assertThat(deliver("invoice.payment_succeeded", firstInvoice)).isEqualTo(WebhookResult.nothing());
        assertThat(session.path("invoice").asText()).isEqualTo(firstInvoice.path("id").asText());
    }

    @Test
    void anInvoiceOfNoSubscriptionIsNotARenewal() {
        ObjectNode invoice = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        invoice.put("id", "in_oneoff").put("object", "invoice").put("currency", "usd").put("amount_paid", 500)
                .put("billing_reason", "manual").putNull("parent");

        assertThat(deliver("invoice.payment_succeeded", invoice)).isEqualTo(WebhookResult.nothing());
    }

    @Test
    void aSetupModeSessionRecordsNoPayment() {
        PaymentStart start = gateway.createAgreement(checkout, new AgreementRequest(USER, "https://panel/ok", null));
        ObjectNode session = stripe.completeCheckout(sessionOf(start));

        assertThat(deliver("checkout.session.completed", session)).isEqualTo(WebhookResult.nothing());
    }

    @Test
    void paymentIntentEventsMoveOneTransactionThroughItsStates() {
        String intent = intentOf(pay(intents, "46", "25.50", "EUR"));
        ObjectNode created = stripe.object(intent).orElseThrow();

        PaymentEvent processing = single(deliver("payment_intent.processing", created));
        PaymentEvent failed = single(deliver("payment_intent.payment_failed", created));
        PaymentEvent succeeded = single(deliver("payment_intent.succeeded", stripe.confirmPaymentIntent(intent)));

        assertThat(List.of(processing, failed, succeeded)).extracting(PaymentEvent::transactionId).containsOnly(intent);
        assertThat(List.of(processing, failed, succeeded)).extracting(PaymentEvent::invoiceId).containsOnly("46");
        assertThat(List.of(processing.status(), failed.status(), succeeded.status()))
                .containsExactly(PaymentStatus.PROCESSING, PaymentStatus.FAILED, PaymentStatus.SUCCEEDED);
        assertThat(succeeded.amount()).isEqualTo(new BigDecimal("25.50"));
    }

    @Test
    void aPaymentIntentWithoutAnInvoiceIdIsNotOurs() {
        ObjectNode foreign = stripe.object(intentOf(pay(intents, "47", "5.00", "EUR"))).orElseThrow();
        foreign.putObject("metadata");

        assertThat(deliver("payment_intent.succeeded", foreign)).isEqualTo(WebhookResult.nothing());
    }

    @Test
    void chargeUpdatedAddsStripesFeeFromTheBalanceTransaction() {
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(checkout, "48", "19.99", "EUR")));
        ObjectNode charge = chargeOf(session);
        long fee = stripe.object(charge.path("balance_transaction").asText()).orElseThrow().path("fee").asLong();

        PaymentEvent event = single(deliver("charge.updated", charge));

        assertThat(fee).isEqualTo(88);
        assertThat(event.fee()).isEqualTo(new BigDecimal("0.88"));
        assertThat(event.transactionId()).isEqualTo(session.path("payment_intent").asText());
        assertThat(event.invoiceId()).isEqualTo("48");
        // the amount too: Stripe does not order events, and a ledger row must never be "succeeded" without one
        assertThat(event.amount()).isEqualTo(new BigDecimal("19.99"));
        assertThat(event.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void chargeUpdatedWithoutABalanceTransactionYetRecordsNoFee() {
        ObjectNode charge = chargeOf(stripe.completeCheckout(sessionOf(pay(checkout, "49", "19.99", "EUR"))));
        charge.putNull("balance_transaction");

        assertThat(deliver("charge.updated", charge)).isEqualTo(WebhookResult.nothing());
        assertThat(stripe.requests().stream().filter(r -> r.path().startsWith("/v1/balance_transactions"))).isEmpty();
    }

    @Test
    void aFeeInAnotherSettlementCurrencyIsNotPassedOffAsTheFeeOfThisPayment() {
        ObjectNode charge = chargeOf(stripe.completeCheckout(sessionOf(pay(checkout, "50", "19.99", "EUR"))));
        charge.put("currency", "usd");

        assertThat(deliver("charge.updated", charge)).isEqualTo(WebhookResult.nothing());
    }

    @Test
    void aChargeRefundedInFullMarksThePaymentRefunded() {
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(checkout, "51", "19.99", "EUR")));
        String intent = session.path("payment_intent").asText();
        gateway.refund(checkout, new RefundRequest(intent, null, "EUR"));

        PaymentEvent event = single(deliver("charge.refunded", chargeOf(session)));

        assertThat(event.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(event.transactionId()).isEqualTo(intent);
        assertThat(event.amount()).isEqualTo(new BigDecimal("19.99"));
        assertThat(event.invoiceId()).isEqualTo("51");
    }

    @Test
    void aPartialRefundLeavesThePaymentAsItWas() {
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(checkout, "52", "19.99", "EUR")));
        gateway.refund(checkout, new RefundRequest(session.path("payment_intent").asText(), new BigDecimal("5.00"),
                "EUR"));
        ObjectNode charge = chargeOf(session);
        assertThat(charge.path("amount_refunded").asLong()).isEqualTo(500);

        assertThat(deliver("charge.refunded", charge)).isEqualTo(WebhookResult.nothing());
    }

    @Test
    void aSucceededSetupIntentIsASavedCardNamedAsPaymenterNamesIt() {
        PaymentStart start = gateway.createAgreement(intents, new AgreementRequest(USER, null, null));
        String setupIntent = ((PaymentStart.ClientSecret) start).clientSecret().split("_secret_")[0];
        ObjectNode confirmed = stripe.confirmSetupIntent(setupIntent, "mastercard", "4444");

        WebhookResult result = deliver("setup_intent.succeeded", confirmed);

        assertThat(result.payments()).isEmpty();
        BillingAgreement agreement = result.agreements().get(0);
        assertThat(agreement.externalReference()).isEqualTo(confirmed.path("payment_method").asText()).startsWith("pm_");
        assertThat(agreement.userId()).isEqualTo("7");
        assertThat(agreement.name()).isEqualTo("Mastercard **** 4444");
        assertThat(agreement.type()).isEqualTo("mastercard");
        assertThat(agreement.expiry()).isEqualTo(LocalDate.of(Year.now().getValue() + 3, 12, 31));
    }

    @Test
    void anIdealSetupSavesTheSepaDebitMethodStripeGeneratedFromIt() {
        PaymentStart start = gateway.createAgreement(intents, new AgreementRequest(USER, null, null));
        String setupIntent = ((PaymentStart.ClientSecret) start).clientSecret().split("_secret_")[0];
        ObjectNode confirmed = stripe.confirmSetupIntentWithBankRedirect(setupIntent, "ideal", "3000");

        BillingAgreement agreement = deliver("setup_intent.succeeded", confirmed).agreements().get(0);

        // the iDEAL method itself cannot be charged off-session; the generated SEPA one can
        assertThat(agreement.externalReference()).isNotEqualTo(confirmed.path("payment_method").asText());
        assertThat(stripe.object(agreement.externalReference()).orElseThrow().path("type").asText())
                .isEqualTo("sepa_debit");
        assertThat(agreement.name()).isEqualTo("SEPA Direct Debit **** 3000");
        assertThat(agreement.type()).isEqualTo("sepa_debit");
        assertThat(agreement.expiry()).isNull();
        assertThat(stripe.requests("GET", "/v1/setup_intents/" + setupIntent)).singleElement()
                .satisfies(r -> assertThat(r.params().get("expand")).isEqualTo(java.util.List.of("latest_attempt")));
    }

    @Test
    void aSetupIntentThatIsNotABillingAgreementIsIgnored() {
        PaymentStart start = gateway.createAgreement(intents, new AgreementRequest(USER, null, null));
        ObjectNode confirmed = stripe.confirmSetupIntent(
                ((PaymentStart.ClientSecret) start).clientSecret().split("_secret_")[0], "visa", "4242");
        confirmed.putObject("metadata");

        assertThat(deliver("setup_intent.succeeded", confirmed)).isEqualTo(WebhookResult.nothing());
    }

    @Test
    void anEventTypeWeDoNotHandleIsGenuineButRecordsNothing() {
        ObjectNode customer = stripe.savedCard(null, "7", "visa", "4242");

        assertThat(deliver("payment_method.attached", customer)).isEqualTo(WebhookResult.nothing());
    }

    @Test
    void anEventRenderedInAnotherApiVersionIsStillRead() {
        ObjectNode session = stripe.completeCheckout(sessionOf(pay(checkout, "53", "19.99", "EUR")));
        String payload = StripeEvents.event("checkout.session.completed", session, null, "2024-06-20");

        WebhookResult result = gateway.webhook(checkout,
                webhook(payload, StripeSignatures.header(payload, WEBHOOK_SECRET)));

        assertThat(result.payments()).extracting(PaymentEvent::invoiceId).containsExactly("53");
    }

    // --- helpers ----------------------------------------------------------------------------------

    private PaymentStart pay(InstanceConfig config, String invoiceId, String amount, String currency) {
        Invoice invoice = new Invoice(invoiceId, "INV-" + invoiceId, currency, new BigDecimal(amount), List.of());
        return gateway.pay(config, new PaymentRequest(invoice, USER, new BigDecimal(amount),
                "https://panel.example/invoices/" + invoiceId, "https://panel.example/cancel"));
    }

    private static String sessionOf(PaymentStart start) {
        String url = ((PaymentStart.Redirect) start).url();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String intentOf(PaymentStart start) {
        return ((PaymentStart.ClientSecret) start).clientSecret().split("_secret_")[0];
    }

    private ObjectNode chargeOf(JsonNode session) {
        String intent = session.path("payment_intent").asText();
        return stripe.object(stripe.object(intent).orElseThrow().path("latest_charge").asText()).orElseThrow();
    }

    private WebhookResult deliver(String type, JsonNode object) {
        String payload = StripeEvents.event(type, object);
        return gateway.webhook(checkout, webhook(payload, StripeSignatures.header(payload, WEBHOOK_SECRET)));
    }

    private static PaymentEvent single(WebhookResult result) {
        assertThat(result.payments()).hasSize(1);
        assertThat(result.agreements()).isEmpty();
        return result.payments().get(0);
    }
}
