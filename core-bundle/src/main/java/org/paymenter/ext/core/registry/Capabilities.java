package org.paymenter.ext.core.registry;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.TreeSet;

import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.gateway.BillingAgreements;
import org.paymenter.ext.api.gateway.Refunds;
import org.paymenter.ext.api.gateway.WebhookSetup;
import org.paymenter.ext.api.other.OtherExtension;
import org.paymenter.ext.api.server.LoginLinks;
import org.paymenter.ext.api.server.ServiceActions;
import org.paymenter.ext.api.server.Upgradable;

/** The optional features an extension object implements, named as the API lists them. */
final class Capabilities {

    static final String UPGRADE = "upgrade";
    static final String LOGIN_URL = "loginUrl";
    static final String ACTIONS = "actions";
    static final String REFUNDS = "refunds";
    static final String BILLING_AGREEMENTS = "billingAgreements";
    static final String WEBHOOK_SETUP = "webhookSetup";
    static final String ROUTES = "routes";

    private static final System.Logger LOG = System.getLogger(Capabilities.class.getName());

    private Capabilities() {
    }

    static Set<String> of(Extension extension, String label) {
        Set<String> found = new TreeSet<>();
        if (extension instanceof Upgradable) {
            found.add(UPGRADE);
        }
        if (extension instanceof LoginLinks) {
            found.add(LOGIN_URL);
        }
        if (extension instanceof ServiceActions) {
            found.add(ACTIONS);
        }
        if (extension instanceof Refunds) {
            found.add(REFUNDS);
        }
        if (extension instanceof BillingAgreements) {
            found.add(BILLING_AGREEMENTS);
        }
        if (extension instanceof WebhookSetup) {
            found.add(WEBHOOK_SETUP);
        }
        if (extension instanceof OtherExtension other && hasRoutes(other, label)) {
            found.add(ROUTES);
        }
        return found;
    }

    private static boolean hasRoutes(OtherExtension other, String label) {
        try {
            return !other.routes().isEmpty();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "extension " + label + " failed to list its routes; it is listed without them", e);
            return false;
        }
    }
}
