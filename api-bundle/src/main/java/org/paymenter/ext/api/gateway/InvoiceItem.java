package org.paymenter.ext.api.gateway;

import java.math.BigDecimal;

/** One line of an invoice; {@code serviceId} links it to the service it bills, when it bills one. */
public record InvoiceItem(String id, String description, BigDecimal price, int quantity, String serviceId) {
}
