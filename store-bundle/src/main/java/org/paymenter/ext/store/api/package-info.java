/**
 * The payments store as other bundles use it: the {@link org.paymenter.ext.store.api.PaymentLedger} that
 * records what gateways' webhooks prove (exactly once per gateway and transaction id), and the {@link
 * org.paymenter.ext.store.api.Deliveries} that tell the billing panel about every change. The store also
 * registers a {@code javax.sql.DataSource} service ({@code paymenter.datasource=main}) for extensions that
 * keep tables of their own (bundle header {@code Paymenter-Migrations}).
 */
@Export
@Version("1.1.0")
package org.paymenter.ext.store.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
