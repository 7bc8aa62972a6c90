package org.paymenter.ext.api.server;

import java.math.BigDecimal;

/**
 * The service (what a customer bought) an operation is about, as the panel knows it.
 *
 * @param status        {@code pending}, {@code active}, {@code suspended} or {@code cancelled}
 * @param billingPeriod how many {@code billingUnit}s one period lasts (1 month, 12 months, ...)
 */
public record Service(String id, String userId, String productId, String status, BigDecimal price,
        String currency, Integer billingPeriod, String billingUnit) {
}
