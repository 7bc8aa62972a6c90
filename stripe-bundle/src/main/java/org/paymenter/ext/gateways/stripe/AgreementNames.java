package org.paymenter.ext.gateways.stripe;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

import org.paymenter.ext.api.gateway.BillingAgreement;

import com.stripe.model.PaymentMethod;

/** How a saved payment method is shown to the customer, the way Paymenter names them: "Visa **** 4242". */
final class AgreementNames {

    private static final Map<String, String> BRANDS = Map.of("amex", "American Express", "diners", "Diners Club",
            "discover", "Discover", "jcb", "JCB", "mastercard", "Mastercard", "unionpay", "UnionPay", "visa", "Visa");
    private static final Map<String, String> DEBITS = Map.of("sepa_debit", "SEPA Direct Debit",
            "us_bank_account", "US Bank Account", "bacs_debit", "Bacs Direct Debit", "au_becs_debit",
            "BECS Direct Debit");

    private AgreementNames() {
    }

    static BillingAgreement agreement(PaymentMethod method, String userId) {
        String type = method.getType();
        if ("card".equals(type) && method.getCard() != null) {
            PaymentMethod.Card card = method.getCard();
            LocalDate expiry = card.getExpMonth() == null || card.getExpYear() == null ? null
                    : YearMonth.of(card.getExpYear().intValue(), card.getExpMonth().intValue()).atEndOfMonth();
            return new BillingAgreement(method.getId(), userId, brand(card.getBrand()) + " **** " + card.getLast4(),
                    card.getBrand(), expiry);
        }
        String last4 = switch (type == null ? "" : type) {
            case "sepa_debit" -> method.getSepaDebit().getLast4();
            case "us_bank_account" -> method.getUsBankAccount().getLast4();
            case "bacs_debit" -> method.getBacsDebit().getLast4();
            case "au_becs_debit" -> method.getAuBecsDebit().getLast4();
            default -> null;
        };
        // Bank redirects, when Stripe generated no SEPA method from them: named by bank or country.
        String redirect = switch (type == null ? "" : type) {
            case "ideal" -> "iDEAL" + suffix(method.getIdeal() == null ? null : method.getIdeal().getBank());
            case "bancontact" -> "Bancontact";
            case "sofort" -> "SOFORT" + suffix(method.getSofort() == null ? null : method.getSofort().getCountry());
            default -> null;
        };
        String name = last4 != null ? DEBITS.get(type) + " **** " + last4 : redirect != null ? redirect : words(type);
        return new BillingAgreement(method.getId(), userId, name, type, null);
    }

    private static String suffix(String detail) {
        return detail == null || detail.isBlank() ? "" : " **** " + detail.toUpperCase(Locale.ROOT);
    }

    static String brand(String brand) {
        if (brand == null || brand.isBlank()) {
            return "Card";
        }
        return BRANDS.getOrDefault(brand, capitalised(brand));
    }

    /** {@code cashapp_pay} → "Cashapp pay". */
    private static String words(String type) {
        return type == null || type.isBlank() ? "Payment method" : capitalised(type.replace('_', ' '));
    }

    private static String capitalised(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
