package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;
import java.util.List;

/** The invoice a payment is for. Amounts are exact decimals in the invoice's currency. */
public record Invoice(String id, String number, String currency, BigDecimal total, List<InvoiceItem> items) {

    public Invoice {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
