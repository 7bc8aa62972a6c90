package org.paymenter.ext.gateways.stripe;

import org.paymenter.ext.api.gateway.Invoice;

/** The texts customers see on Stripe's pages and statements. */
final class Descriptions {

    private Descriptions() {
    }

    /** "Payment for Invoice #1042", by number when the invoice has one (as Paymenter words it). */
    static String forInvoice(Invoice invoice) {
        String number = invoice.number() == null || invoice.number().isBlank() ? invoice.id() : invoice.number();
        return "Payment for Invoice #" + number;
    }
}
