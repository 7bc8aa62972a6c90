package org.paymenter.ext.gateways.stripe;

import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.api.gateway.PaymentEvent;
import org.paymenter.ext.api.gateway.PaymentStatus;
import org.paymenter.ext.api.gateway.WebhookResult;

import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupAttempt;
import com.stripe.model.SetupIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.SetupIntentRetrieveParams;

/**
 * Turns a verified Stripe event into what the ledger records. Transactions are keyed by the payment
 * intent id whatever the event, so the Checkout, PaymentIntent and Charge events about one payment land
 * on one ledger row; amounts come back from minor units as exact decimals. Event types not listed here are
 * genuine but carry nothing to record.
 */
final class EventMapper {

    private static final System.Logger LOG = System.getLogger(EventMapper.class.getName());

    private final StripeClient stripe;

    EventMapper(StripeClient stripe) {
        this.stripe = stripe;
    }

    WebhookResult map(Event event) {
        return switch (event.getType()) {
            case "checkout.session.completed" -> checkout(session(event), null);
            case "checkout.session.async_payment_succeeded" -> checkout(session(event), PaymentStatus.SUCCEEDED);
            case "checkout.session.async_payment_failed" -> checkout(session(event), PaymentStatus.FAILED);
            case "payment_intent.succeeded" -> intent(object(event, PaymentIntent.class), PaymentStatus.SUCCEEDED);
            case "payment_intent.processing" -> intent(object(event, PaymentIntent.class), PaymentStatus.PROCESSING);
            case "payment_intent.payment_failed" -> intent(object(event, PaymentIntent.class), PaymentStatus.FAILED);
            case "charge.updated" -> fee(object(event, Charge.class));
            case "charge.refunded" -> refunded(object(event, Charge.class));
            case "setup_intent.succeeded" -> agreement(object(event, SetupIntent.class));
            case "invoice.payment_succeeded" -> renewal(object(event, Invoice.class));
            default -> WebhookResult.nothing();
        };
    }

    /**
     * A finished Checkout page. {@code status} null means "as the session says": paid is succeeded, unpaid
     * (a bank debit still on its way) is processing. Setup sessions are reported by {@code setup_intent.succeeded}.
     */
    private WebhookResult checkout(Session session, PaymentStatus status) {
        String fromMetadata = metadata(session.getMetadata(), StripeDefaults.INVOICE_ID);
        String invoiceId = fromMetadata != null ? fromMetadata : session.getClientReferenceId();
        if (invoiceId == null || "setup".equals(session.getMode()) || session.getAmountTotal() == null) {
            return WebhookResult.nothing();
        }
        String transaction = "subscription".equals(session.getMode()) ? subscriptionPayment(session.getInvoice())
                : session.getPaymentIntent();
        if (transaction == null) {
            return WebhookResult.nothing();
        }
        PaymentStatus result = status != null ? status
                : "paid".equals(session.getPaymentStatus()) ? PaymentStatus.SUCCEEDED : PaymentStatus.PROCESSING;
        return WebhookResult.of(new PaymentEvent(invoiceId, transaction,
                MinorUnits.toDecimal(session.getAmountTotal(), session.getCurrency()),
                MinorUnits.code(session.getCurrency()), null, result, session.getSubscription()));
    }

    /**
     * A later period of a subscription paid ({@code invoice.payment_succeeded} of a subscription's invoice, as
     * Paymenter reads it): recorded under the payment intent that paid it, with the subscription and without an
     * invoice id, which Stripe does not know; the panel applies it to the service holding the subscription. The
     * first period's invoice ({@code subscription_create}) is skipped: its Checkout session already recorded it,
     * with the panel's invoice id, under the same payment intent.
     */
    private WebhookResult renewal(Invoice invoice) {
        Invoice.Parent parent = invoice.getParent();
        if (parent == null || !"subscription_details".equals(parent.getType()) || parent.getSubscriptionDetails() == null
                || parent.getSubscriptionDetails().getSubscription() == null
                || "subscription_create".equals(invoice.getBillingReason()) || invoice.getAmountPaid() == null
                || invoice.getAmountPaid() == 0) {
            return WebhookResult.nothing();
        }
        String transaction = subscriptionPayment(invoice.getId());
        return WebhookResult.of(PaymentEvent.renewal(parent.getSubscriptionDetails().getSubscription(), transaction,
                MinorUnits.toDecimal(invoice.getAmountPaid(), invoice.getCurrency()),
                MinorUnits.code(invoice.getCurrency())));
    }

    /** The payment intent that paid a subscription's first invoice (Stripe's invoice payments, API 2025-03-31+). */
    private String subscriptionPayment(String invoiceId) {
        if (invoiceId == null) {
            return null;
        }
        try {
            String attempted = null; // an invoice may also list open or canceled payment attempts
            for (InvoicePayment p : stripe.v1().invoicePayments().list(InvoicePaymentListParams.builder()
                    .setInvoice(invoiceId).build()).getData()) {
                if (p.getPayment() != null && "payment_intent".equals(p.getPayment().getType())) {
                    if ("paid".equals(p.getStatus())) {
                        return p.getPayment().getPaymentIntent();
                    }
                    attempted = attempted == null ? p.getPayment().getPaymentIntent() : attempted;
                }
            }
            return attempted != null ? attempted : invoiceId;
        } catch (StripeException e) {
            throw StripeFailures.of("looking up the payment of subscription invoice " + invoiceId, e);
        }
    }

    /** Paymenter's three intent events: one ledger row that moves processing → succeeded or failed. */
    private WebhookResult intent(PaymentIntent intent, PaymentStatus status) {
        String invoiceId = metadata(intent.getMetadata(), StripeDefaults.INVOICE_ID);
        if (invoiceId == null) {
            return WebhookResult.nothing();
        }
        return WebhookResult.of(new PaymentEvent(invoiceId, intent.getId(),
                MinorUnits.toDecimal(intent.getAmount(), intent.getCurrency()), MinorUnits.code(intent.getCurrency()),
                null, status));
    }

    /**
     * Stripe's fee, known once the charge has a balance transaction. Only a fee in the payment's own currency is
     * reported: with another settlement currency it is not a fee "of" this amount, and converting it would
     * invent precision. No balance transaction yet means no fee yet (Paymenter records 0; unknown is not 0).
     */
    private WebhookResult fee(Charge charge) {
        if (charge.getPaymentIntent() == null || charge.getBalanceTransaction() == null) {
            return WebhookResult.nothing();
        }
        BalanceTransaction txn;
        try {
            txn = stripe.v1().balanceTransactions().retrieve(charge.getBalanceTransaction());
        } catch (StripeException e) {
            throw StripeFailures.of("reading the fee of charge " + charge.getId(), e);
        }
        if (!txn.getCurrency().equalsIgnoreCase(charge.getCurrency())) {
            LOG.log(Level.INFO, "fee of {0} is in {1}, the payment in {2}: not recorded", charge.getId(),
                    txn.getCurrency(), charge.getCurrency());
            return WebhookResult.nothing();
        }
        BigDecimal fee = MinorUnits.toDecimal(txn.getFee(), txn.getCurrency());
        // With the amount: Stripe does not order events, and this one may be the first the ledger sees.
        BigDecimal amount = MinorUnits.toDecimal(charge.getAmount(), charge.getCurrency());
        return WebhookResult.of(new PaymentEvent(metadata(charge.getMetadata(), StripeDefaults.INVOICE_ID),
                charge.getPaymentIntent(), amount, MinorUnits.code(charge.getCurrency()), fee, chargeStatus(charge)));
    }

    /**
     * A charge refunded in full marks its payment refunded, with the amount given back. A partial refund leaves
     * the payment as it was: the ledger's row has no place for "partly refunded", and the refund call already
     * answered the panel with the refund itself.
     */
    private WebhookResult refunded(Charge charge) {
        if (charge.getPaymentIntent() == null || !Boolean.TRUE.equals(charge.getRefunded())) {
            return WebhookResult.nothing();
        }
        return WebhookResult.of(new PaymentEvent(metadata(charge.getMetadata(), StripeDefaults.INVOICE_ID),
                charge.getPaymentIntent(), MinorUnits.toDecimal(charge.getAmountRefunded(), charge.getCurrency()),
                MinorUnits.code(charge.getCurrency()), null, PaymentStatus.REFUNDED));
    }

    /** A card saved for off-session charges (our setup intents carry {@code is_billing_agreement=1}). */
    private WebhookResult agreement(SetupIntent intent) {
        if (!"1".equals(metadata(intent.getMetadata(), StripeDefaults.IS_BILLING_AGREEMENT))
                || intent.getPaymentMethod() == null) {
            return WebhookResult.nothing();
        }
        try {
            BillingAgreement agreement = AgreementNames.agreement(
                    stripe.v1().paymentMethods().retrieve(chargeableMethod(intent)),
                    metadata(intent.getMetadata(), StripeDefaults.USER_ID));
            return new WebhookResult(List.of(), List.of(agreement));
        } catch (StripeException e) {
            throw StripeFailures.of("reading saved payment method " + intent.getPaymentMethod(), e);
        }
    }

    /**
     * The method a later off-session charge can use (spec §2.10): a bank redirect (iDEAL, Bancontact, SOFORT)
     * cannot be charged again, but Stripe turns it into a SEPA Direct Debit method, named by the intent's
     * latest setup attempt; any other method is the intent's own.
     */
    private String chargeableMethod(SetupIntent intent) throws StripeException {
        SetupIntent expanded = stripe.v1().setupIntents().retrieve(intent.getId(),
                SetupIntentRetrieveParams.builder().addExpand("latest_attempt").build());
        SetupAttempt attempt = expanded.getLatestAttemptObject();
        SetupAttempt.PaymentMethodDetails details = attempt == null ? null : attempt.getPaymentMethodDetails();
        String generated = details == null || details.getType() == null ? null : switch (details.getType()) {
            case "ideal" -> details.getIdeal() == null ? null : details.getIdeal().getGeneratedSepaDebit();
            case "bancontact" -> details.getBancontact() == null ? null : details.getBancontact().getGeneratedSepaDebit();
            case "sofort" -> details.getSofort() == null ? null : details.getSofort().getGeneratedSepaDebit();
            default -> null;
        };
        return generated != null ? generated : intent.getPaymentMethod();
    }

    private static PaymentStatus chargeStatus(Charge charge) {
        return switch (Objects.requireNonNullElse(charge.getStatus(), "")) {
            case "succeeded" -> PaymentStatus.SUCCEEDED;
            case "failed" -> PaymentStatus.FAILED;
            default -> PaymentStatus.PROCESSING;
        };
    }

    private static Session session(Event event) {
        return object(event, Session.class);
    }

    /**
     * The event's object. An event rendered in another API version than this stripe-java's (an endpoint made
     * by hand with another version) is read anyway: the fields read here are the same in every recent version.
     */
    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        StripeObject object;
        try {
            object = data.getObject().isPresent() ? data.getObject().get() : data.deserializeUnsafe();
        } catch (EventDataObjectDeserializationException e) {
            throw new ExtensionException("Stripe event " + event.getId() + " (" + event.getType()
                    + ") has an object this extension cannot read: " + e.getMessage(), e);
        }
        if (!type.isInstance(object)) {
            throw new ExtensionException("Stripe event " + event.getId() + " (" + event.getType() + ") carries a "
                    + (object == null ? "null" : object.getClass().getSimpleName()) + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(object);
    }

    private static String metadata(Map<String, String> metadata, String key) {
        if (metadata == null) {
            return null;
        }
        String value = metadata.get(key);
        return value == null || value.isBlank() ? null : value;
    }
}
