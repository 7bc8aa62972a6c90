package org.paymenter.ext.gateways.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.paymenter.ext.gateways.stripe.StripeTestConfig.config;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.User;
import org.paymenter.ext.api.config.ConfigField;
import org.paymenter.ext.api.config.ConfigValidator;
import org.paymenter.ext.api.gateway.AgreementRequest;
import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.ChargeRequest;
import org.paymenter.ext.api.gateway.Invoice;
import org.paymenter.ext.api.gateway.PaymentRequest;
import org.paymenter.ext.api.gateway.PaymentStart;
import org.paymenter.ext.api.gateway.Refund;
import org.paymenter.ext.api.gateway.RefundRequest;
import org.paymenter.ext.testkit.fakes.stripe.FakeStripe;
import org.paymenter.ext.testkit.fakes.stripe.RecordedRequest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the gateway sends to Stripe and what it makes of the answers, against the fake Stripe API. */
class StripeGatewayTest {

    private static final User USER = new User("7", "ada@example.com", "Ada", "Lovelace");

    private final FakeStripe stripe = FakeStripe.start();
    private final StripeGateway gateway = new StripeGateway();
    private final InstanceConfig checkout = config(stripe);

    @AfterEach
    void stop() {
        stripe.close();
    }

    @Test
    void payingRedirectsToTheCheckoutSessionStripeCreated() {
        PaymentStart start = pay(checkout, "42", "19.99", "EUR");

        ObjectNode session = stripe.objects("checkout.session").get(0);
        assertThat(start).isEqualTo(new PaymentStart.Redirect(session.path("url").asText()));
        RecordedRequest create = stripe.requests("POST", "/v1/checkout/sessions").get(0);
        assertThat(create.param("mode")).isEqualTo("payment");
        assertThat(create.param("line_items", "0", "price_data", "unit_amount")).isEqualTo("1999");
        assertThat(create.param("line_items", "0", "price_data", "currency")).isEqualTo("eur");
        assertThat(create.param("line_items", "0", "price_data", "product_data", "name"))
                .isEqualTo("Payment for Invoice #INV-42");
        assertThat(create.param("line_items", "0", "quantity")).isEqualTo("1");
        assertThat(create.param("metadata", "invoice_id")).isEqualTo("42");
        assertThat(create.param("client_reference_id")).isEqualTo("42");
        assertThat(create.param("payment_intent_data", "metadata", "invoice_id")).isEqualTo("42");
        assertThat(create.param("success_url")).isEqualTo("https://panel.example/invoices/42");
        assertThat(create.param("cancel_url")).isEqualTo("https://panel.example/cancel");
        assertThat(create.stripeVersion()).isEqualTo(com.stripe.Stripe.API_VERSION);
    }

    @Test
    void thePaymentIsTiedToTheUsersStripeCustomerWhichIsCreatedOnceAndFoundAfterwards() {
        pay(checkout, "42", "19.99", "EUR");
        pay(checkout, "43", "5.00", "EUR");

        assertThat(stripe.objects("customer")).hasSize(1);
        ObjectNode customer = stripe.objects("customer").get(0);
        assertThat(customer.path("email").asText()).isEqualTo("ada@example.com");
        assertThat(customer.path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(customer.path("metadata").path("user_id").asText()).isEqualTo("7");
        assertThat(stripe.requests("POST", "/v1/checkout/sessions")).extracting(r -> r.param("customer"))
                .containsOnly(customer.path("id").asText());
    }

    @Test
    void zeroDecimalCurrenciesAreSentWithoutMultiplying() {
        pay(checkout, "44", "1500", "JPY");

        RecordedRequest create = stripe.requests("POST", "/v1/checkout/sessions").get(0);
        assertThat(create.param("line_items", "0", "price_data", "unit_amount")).isEqualTo("1500");
        assertThat(create.param("line_items", "0", "price_data", "currency")).isEqualTo("jpy");
    }

    @Test
    void anAmountTheCurrencyCannotHoldIsRefusedBeforeStripeIsCalled() {
        assertThatThrownBy(() -> pay(checkout, "45", "1500.50", "JPY"))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("JPY");
        assertThat(stripe.requests("POST", "/v1/checkout/sessions")).isEmpty();
    }

    @Test
    void thePaymentIntentFlowAnswersAClientSecretAndThePublishableKey() {
        InstanceConfig intents = config(stripe, StripeFields.PAYMENT_FLOW, StripeFields.FLOW_PAYMENT_INTENT);

        PaymentStart start = pay(intents, "46", "25.50", "EUR");

        ObjectNode intent = stripe.objects("payment_intent").get(0);
        assertThat(start).isEqualTo(new PaymentStart.ClientSecret(intent.path("client_secret").asText(),
                FakeStripe.PUBLISHABLE_KEY));
        RecordedRequest create = stripe.requests("POST", "/v1/payment_intents").get(0);
        assertThat(create.param("amount")).isEqualTo("2550");
        assertThat(create.param("currency")).isEqualTo("eur");
        assertThat(create.param("automatic_payment_methods", "enabled")).isEqualTo("true");
        assertThat(create.param("metadata", "invoice_id")).isEqualTo("46");
        assertThat(create.param("description")).isEqualTo("Payment for Invoice #INV-46");
    }

    @Test
    void subscriptionModeSellsARecurringPriceWithTheConfiguredInterval() {
        InstanceConfig subscriptions = config(stripe, StripeFields.BILLING, StripeFields.BILLING_SUBSCRIPTION,
                StripeFields.INTERVAL, "year", StripeFields.INTERVAL_COUNT, new BigDecimal("2"));

        pay(subscriptions, "47", "120.00", "USD");

        RecordedRequest create = stripe.requests("POST", "/v1/checkout/sessions").get(0);
        assertThat(create.param("mode")).isEqualTo("subscription");
        assertThat(create.param("line_items", "0", "price_data", "recurring", "interval")).isEqualTo("year");
        assertThat(create.param("line_items", "0", "price_data", "recurring", "interval_count")).isEqualTo("2");
        assertThat(create.param("subscription_data", "metadata", "invoice_id")).isEqualTo("47");
        assertThat(create.param("payment_intent_data")).isNull();
    }

    @Test
    void subscriptionsWithoutCheckoutAreRefusedBeforeStripeIsCalled() {
        InstanceConfig wrong = config(stripe, StripeFields.BILLING, StripeFields.BILLING_SUBSCRIPTION,
                StripeFields.PAYMENT_FLOW, StripeFields.FLOW_PAYMENT_INTENT);

        assertThatThrownBy(() -> pay(wrong, "48", "10.00", "EUR")).isInstanceOf(ExtensionException.class)
                .hasMessageContaining(StripeFields.PAYMENT_FLOW);
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void checkoutWithoutAReturnUrlIsRefusedWithAReason() {
        Invoice invoice = new Invoice("49", null, "EUR", BigDecimal.TEN, List.of());

        assertThatThrownBy(() -> gateway.pay(checkout, new PaymentRequest(invoice, USER, BigDecimal.TEN, null, null)))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("returnUrl");
    }

    @Test
    void aFullRefundSendsNoAmountAndAPartialOneSendsMinorUnits() {
        String intent = paidIntent("50", "19.99", "EUR");

        Refund partial = gateway.refund(checkout, new RefundRequest(intent, new BigDecimal("5.25"), "EUR"));
        Refund rest = gateway.refund(checkout, new RefundRequest(intent, null, null));

        List<RecordedRequest> refunds = stripe.requests("POST", "/v1/refunds");
        assertThat(refunds).extracting(r -> r.param("payment_intent")).containsOnly(intent);
        assertThat(refunds).extracting(r -> r.param("amount")).containsExactly("525", null);
        assertThat(partial.amount()).isEqualTo(new BigDecimal("5.25"));
        assertThat(partial.currency()).isEqualTo("EUR");
        assertThat(partial.transactionId()).isEqualTo(intent);
        assertThat(partial.refundId()).startsWith("re_");
        assertThat(partial.status()).isEqualTo("succeeded");
        assertThat(rest.amount()).isEqualTo(new BigDecimal("14.74"));
    }

    @Test
    void aRefundRetriedAfterATimeoutIsMadeOnceAtStripe() {
        String intent = paidIntent("60", "19.99", "EUR");

        Refund first = gateway.refund(checkout, new RefundRequest(intent, new BigDecimal("5.00"), "EUR"));
        Refund retried = gateway.refund(checkout, new RefundRequest(intent, new BigDecimal("5.00"), "EUR"));
        Refund another = gateway.refund(checkout, new RefundRequest(intent, new BigDecimal("4.00"), "EUR"));

        assertThat(retried.refundId()).isEqualTo(first.refundId());
        assertThat(another.refundId()).isNotEqualTo(first.refundId());
        assertThat(stripe.objects("refund")).hasSize(2);
        assertThat(stripe.requests("POST", "/v1/refunds")).extracting(RecordedRequest::idempotencyKey)
                .containsExactly("paymenter-refund-" + intent + "-500EUR", "paymenter-refund-" + intent + "-500EUR",
                        "paymenter-refund-" + intent + "-400EUR");
    }

    @Test
    void aPartialRefundWithoutACurrencyAsksStripeForThePaymentsCurrency() {
        String intent = paidIntent("51", "5000", "JPY");

        Refund refund = gateway.refund(checkout, new RefundRequest(intent, new BigDecimal("1200"), null));

        assertThat(stripe.requests("GET", "/v1/payment_intents/" + intent)).hasSize(1);
        assertThat(stripe.requests("POST", "/v1/refunds").get(0).param("amount")).isEqualTo("1200");
        assertThat(refund.amount()).isEqualTo(new BigDecimal("1200"));
    }

    @Test
    void refundingMoreThanIsLeftIsStripesRefusalInTheMessage() {
        String intent = paidIntent("52", "10.00", "EUR");

        assertThatThrownBy(() -> gateway.refund(checkout, new RefundRequest(intent, new BigDecimal("10.01"), "EUR")))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("Stripe answered 400 (invalid_request_error)")
                .hasMessageContaining("greater than unrefunded amount");
    }

    @Test
    void aWrongSecretKeyIsStripes401MessageWithoutTheKey() {
        String wrongKey = "sk_test_51ThisKeyIsWrong00000000000000000000000000000WXYZ";
        InstanceConfig wrong = config(stripe, StripeFields.SECRET_KEY, wrongKey);

        assertThatThrownBy(() -> pay(wrong, "53", "10.00", "EUR"))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("Stripe answered 401")
                .hasMessageContaining("Invalid API Key provided: sk_test_")
                .hasMessageContaining("WXYZ")
                .hasMessageNotContaining(wrongKey);
    }

    @Test
    void aRemote500IsReportedWithStripesMessageAfterOneRetryWithTheSameIdempotencyKey() {
        stripe.failWith(500);

        assertThatThrownBy(() -> gateway.refund(checkout, new RefundRequest("pi_123", null, "EUR")))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("Stripe answered 500 (api_error) while refunding pi_123")
                .hasMessageContaining("An unknown error occurred");
        List<RecordedRequest> tries = stripe.requests("POST", "/v1/refunds");
        assertThat(tries).hasSize(1 + StripeDefaults.NETWORK_RETRIES);
        assertThat(tries).extracting(RecordedRequest::idempotencyKey).doesNotContainNull().containsOnly(
                tries.get(0).idempotencyKey());
    }

    @Test
    void aPassing500IsRetriedAndTheRetryIsNotAppliedTwice() {
        String intent = paidIntent("54", "10.00", "EUR");
        stripe.failNext(1, 503);

        Refund refund = gateway.refund(checkout, new RefundRequest(intent, new BigDecimal("1.00"), "EUR"));

        assertThat(refund.amount()).isEqualTo(new BigDecimal("1.00"));
        assertThat(stripe.objects("refund")).hasSize(1);
    }

    @Test
    void aRateLimitIsStripes429Message() {
        stripe.rateLimit();

        assertThatThrownBy(() -> gateway.refund(checkout, new RefundRequest("pi_123", null, "EUR")))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("Stripe answered 429 (invalid_request_error/rate_limit)");
    }

    @Test
    void anUnreachableStripeSaysSoWithoutAStackTrace() {
        String base = stripe.apiBase();
        stripe.close();

        assertThatThrownBy(() -> gateway.refund(config(stripe, StripeFields.API_BASE, base),
                new RefundRequest("pi_123", null, "EUR")))
                .isInstanceOf(ExtensionException.class)
                .hasMessageStartingWith("Stripe could not be reached while refunding pi_123");
    }

    @Test
    void twoInstancesTalkToTheirOwnHostsWithTheirOwnKeys() {
        try (FakeStripe other = FakeStripe.start("sk_test_51SecondAccount000000000000000000000000000000")) {
            pay(checkout, "55", "1.00", "EUR");
            pay(config(other), "56", "2.00", "EUR");
            pay(checkout, "57", "3.00", "EUR");

            assertThat(stripe.requests("POST", "/v1/checkout/sessions")).extracting(r -> r.param("client_reference_id"))
                    .containsExactly("55", "57");
            assertThat(other.requests("POST", "/v1/checkout/sessions")).extracting(r -> r.param("client_reference_id"))
                    .containsExactly("56");
        }
    }

    @Test
    void savingACardWithCheckoutOpensASetupSessionForTheUsersCustomer() {
        PaymentStart start = gateway.createAgreement(checkout,
                new AgreementRequest(USER, "https://panel.example/payment-methods", null));

        ObjectNode session = stripe.objects("checkout.session").get(0);
        assertThat(start).isEqualTo(new PaymentStart.Redirect(session.path("url").asText()));
        RecordedRequest create = stripe.requests("POST", "/v1/checkout/sessions").get(0);
        assertThat(create.param("mode")).isEqualTo("setup");
        assertThat(create.param("customer")).isEqualTo(stripe.objects("customer").get(0).path("id").asText());
        assertThat(create.param("setup_intent_data", "metadata", "user_id")).isEqualTo("7");
        assertThat(create.param("setup_intent_data", "metadata", "is_billing_agreement")).isEqualTo("1");
    }

    @Test
    void savingACardWithStripeJsAnswersTheSetupIntentsClientSecret() {
        InstanceConfig intents = config(stripe, StripeFields.PAYMENT_FLOW, StripeFields.FLOW_PAYMENT_INTENT);

        PaymentStart start = gateway.createAgreement(intents, new AgreementRequest(USER, null, null));

        ObjectNode setupIntent = stripe.objects("setup_intent").get(0);
        assertThat(start).isEqualTo(new PaymentStart.ClientSecret(setupIntent.path("client_secret").asText(),
                FakeStripe.PUBLISHABLE_KEY));
        assertThat(setupIntent.path("usage").asText()).isEqualTo("off_session");
        assertThat(setupIntent.path("metadata").path("is_billing_agreement").asText()).isEqualTo("1");
    }

    @Test
    void aSavedCardIsChargedOffSessionForItsCustomer() {
        ObjectNode card = stripe.savedCard(null, "7", "visa", "4242");

        boolean accepted = gateway.charge(checkout, charge("58", "30.00", card));

        assertThat(accepted).isTrue();
        RecordedRequest create = stripe.requests("POST", "/v1/payment_intents").get(0);
        assertThat(create.param("customer")).isEqualTo(card.path("customer").asText());
        assertThat(create.param("payment_method")).isEqualTo(card.path("id").asText());
        assertThat(create.param("off_session")).isEqualTo("true");
        assertThat(create.param("confirm")).isEqualTo("true");
        assertThat(create.param("amount")).isEqualTo("3000");
        assertThat(create.param("metadata", "invoice_id")).isEqualTo("58");
        assertThat(stripe.objects("payment_intent").get(0).path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void aChargeRetriedTheSameDayIsOnePaymentAtStripe() {
        ObjectNode card = stripe.savedCard(null, "7", "visa", "4242");

        assertThat(gateway.charge(checkout, charge("61", "30.00", card))).isTrue();
        assertThat(gateway.charge(checkout, charge("61", "30.00", card))).isTrue();

        assertThat(stripe.objects("payment_intent")).hasSize(1);
        assertThat(stripe.requests("POST", "/v1/payment_intents")).extracting(RecordedRequest::idempotencyKey)
                .allSatisfy(key -> assertThat(key).startsWith("paymenter-charge-61-3000eur-" + card.path("id").asText()));
    }

    @Test
    void aDeclinedCardIsStripesDeclineInTheMessage() {
        ObjectNode card = stripe.savedCard(null, "7", "visa", FakeStripe.DECLINED_LAST4);

        assertThatThrownBy(() -> gateway.charge(checkout, charge("59", "30.00", card)))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("Stripe answered 402 (card_error/card_declined/generic_decline)")
                .hasMessageContaining("Your card was declined.");
    }

    @Test
    void cancellingDetachesTheCardAndADetachedCardCountsAsCancelled() {
        ObjectNode card = stripe.savedCard(null, "7", "visa", "4242");
        BillingAgreement agreement = new BillingAgreement(card.path("id").asText(), "7", "Visa **** 4242", "visa", null);

        assertThat(gateway.cancelAgreement(checkout, agreement)).isTrue();
        assertThat(stripe.object(card.path("id").asText()).orElseThrow().path("customer").isNull()).isTrue();
        assertThat(gateway.cancelAgreement(checkout, agreement)).isTrue();
        assertThat(gateway.cancelAgreement(checkout, new BillingAgreement("pm_gone", "7", "x", "visa", null)))
                .isTrue();
    }

    @Test
    void cancellingWithAWrongKeyIsNotReportedAsCancelled() {
        InstanceConfig wrong = config(stripe, StripeFields.SECRET_KEY, "sk_test_wrong000000000000");
        BillingAgreement agreement = new BillingAgreement("pm_123", "7", "Visa **** 4242", "visa", null);

        assertThatThrownBy(() -> gateway.cancelAgreement(wrong, agreement)).isInstanceOf(ExtensionException.class)
                .hasMessageContaining("401");
    }

    @Test
    void theConfigSchemaValidatesTheDefaultsAndRefusesAPublishableKeyAsSecretKey() {
        List<ConfigField> schema = gateway.configSchema();
        java.util.Map<String, Object> good = java.util.Map.of(StripeFields.SECRET_KEY, stripe.secretKey(),
                StripeFields.PUBLISHABLE_KEY, stripe.publishableKey());

        var valid = ConfigValidator.validate(schema, good);
        var swapped = ConfigValidator.validate(schema, java.util.Map.of(StripeFields.SECRET_KEY, stripe.publishableKey(),
                StripeFields.PUBLISHABLE_KEY, stripe.publishableKey()));

        assertThat(valid.errors()).isEmpty();
        assertThat(valid.values()).containsEntry(StripeFields.API_BASE, StripeDefaults.API_BASE)
                .containsEntry(StripeFields.PAYMENT_FLOW, StripeFields.FLOW_CHECKOUT)
                .containsEntry(StripeFields.VERIFY_TLS, true);
        assertThat(swapped.errors()).extracting(e -> e.field()).containsExactly(StripeFields.SECRET_KEY);
        assertThat(schema.stream().filter(ConfigField::secret).map(ConfigField::name))
                .containsExactlyInAnyOrder(StripeFields.SECRET_KEY, StripeFields.WEBHOOK_SECRET);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private PaymentStart pay(InstanceConfig config, String invoiceId, String amount, String currency) {
        Invoice invoice = new Invoice(invoiceId, "INV-" + invoiceId, currency, new BigDecimal(amount), List.of());
        return gateway.pay(config, new PaymentRequest(invoice, USER, new BigDecimal(amount),
                "https://panel.example/invoices/" + invoiceId, "https://panel.example/cancel"));
    }

    /** The payment intent of a paid Checkout session for the invoice. */
    private String paidIntent(String invoiceId, String amount, String currency) {
        String url = ((PaymentStart.Redirect) pay(checkout, invoiceId, amount, currency)).url();
        return stripe.completeCheckout(url.substring(url.lastIndexOf('/') + 1)).path("payment_intent").asText();
    }

    private static ChargeRequest charge(String invoiceId, String amount, ObjectNode card) {
        Invoice invoice = new Invoice(invoiceId, null, "EUR", new BigDecimal(amount), List.of());
        return new ChargeRequest(invoice, new BigDecimal(amount),
                new BillingAgreement(card.path("id").asText(), "7", "Visa", "visa", null));
    }
}
