package org.paymenter.ext.gateways.stripe;

import java.lang.System.Logger.Level;
import java.util.Optional;

import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.User;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;

/**
 * The Stripe customer of a panel user: the one with the user's e-mail address and {@code metadata[user_id]},
 * created when there is none. Paymenter remembers the customer id on the user; the runtime has no user
 * store, so the customer is found again by e-mail (Stripe's list filter, strongly consistent, unlike search).
 */
final class CustomerDirectory {

    private static final System.Logger LOG = System.getLogger(CustomerDirectory.class.getName());
    /** Stripe's largest page; more customers sharing one e-mail address than this is not a real case. */
    private static final long PAGE = 100;

    private CustomerDirectory() {
    }

    /** The customer id; a failure is Stripe's answer as an {@link ExtensionException}. */
    static String findOrCreate(StripeClient stripe, User user) {
        try {
            for (Customer c : stripe.v1().customers().list(CustomerListParams.builder().setEmail(user.email())
                    .setLimit(PAGE).build()).getData()) {
                if (c.getMetadata() != null && user.id().equals(c.getMetadata().get(StripeDefaults.USER_ID))) {
                    return c.getId();
                }
            }
            return stripe.v1().customers().create(CustomerCreateParams.builder().setEmail(user.email())
                    .setName(user.displayName()).putMetadata(StripeDefaults.USER_ID, user.id()).build()).getId();
        } catch (StripeException e) {
            throw StripeFailures.of("finding the Stripe customer of user " + user.id(), e);
        }
    }

    /**
     * The customer for a one-off payment, when the user is known. As in Paymenter, a failure here does not
     * stop the payment: it goes ahead without a customer, and Checkout asks for the e-mail address.
     */
    static Optional<String> forPayment(StripeClient stripe, User user) {
        if (user == null || user.id() == null || user.email() == null || user.email().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(findOrCreate(stripe, user));
        } catch (ExtensionException e) {
            LOG.log(Level.WARNING, "paying without a Stripe customer: {0}", e.getMessage());
            return Optional.empty();
        }
    }
}
