/**
 * Gateway extensions: take money. {@link org.paymenter.ext.api.gateway.GatewayExtension} starts payments
 * and verifies the provider's webhooks; {@link org.paymenter.ext.api.gateway.Refunds} and
 * {@link org.paymenter.ext.api.gateway.BillingAgreements} are optional capabilities.
 */
@Export
@Version("1.2.0")
package org.paymenter.ext.api.gateway;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
