package org.paymenter.ext.api.other;

import java.util.List;

/**
 * The EventAdmin topics of panel events (spec §1.8), one per Paymenter event class:
 * {@code App\Events\Invoice\Paid} is {@code paymenter/invoice/paid}.
 */
public final class PanelTopics {

    /** The EventAdmin event property that holds the panel's payload ({@code Map<String, Object>}). */
    public static final String DATA_PROPERTY = "data";

    /** The prefix every panel topic starts with. */
    public static final String PREFIX = "paymenter/";

    public static final String AUTH_LOGIN = "paymenter/auth/login";
    public static final String USER_CREATED = "paymenter/user/created";
    public static final String USER_UPDATED = "paymenter/user/updated";
    public static final String ORDER_CREATED = "paymenter/order/created";
    public static final String ORDER_UPDATED = "paymenter/order/updated";
    public static final String ORDER_FINALIZED = "paymenter/order/finalized";
    public static final String INVOICE_CREATED = "paymenter/invoice/created";
    public static final String INVOICE_UPDATED = "paymenter/invoice/updated";
    public static final String INVOICE_FINALIZED = "paymenter/invoice/finalized";
    public static final String INVOICE_PAID = "paymenter/invoice/paid";
    /** Published by the host when the ledger records a payment (not a Paymenter class event). */
    public static final String INVOICE_PAYMENT = "paymenter/invoice/payment";
    public static final String SERVICE_CREATED = "paymenter/service/created";
    public static final String SERVICE_UPDATED = "paymenter/service/updated";
    public static final String SERVICE_DELETED = "paymenter/service/deleted";
    public static final String SERVICE_CANCELLATION_CREATED = "paymenter/servicecancellation/created";
    public static final String SERVICE_UPGRADE_CREATED = "paymenter/serviceupgrade/created";
    public static final String TICKET_CREATED = "paymenter/ticket/created";
    public static final String TICKET_UPDATED = "paymenter/ticket/updated";
    public static final String TICKET_MESSAGE_CREATED = "paymenter/ticketmessage/created";

    /** Every topic above, in a stable order. */
    public static final List<String> ALL = List.of(AUTH_LOGIN, USER_CREATED, USER_UPDATED, ORDER_CREATED,
            ORDER_UPDATED, ORDER_FINALIZED, INVOICE_CREATED, INVOICE_UPDATED, INVOICE_FINALIZED, INVOICE_PAID,
            INVOICE_PAYMENT, SERVICE_CREATED, SERVICE_UPDATED, SERVICE_DELETED, SERVICE_CANCELLATION_CREATED,
            SERVICE_UPGRADE_CREATED, TICKET_CREATED, TICKET_UPDATED, TICKET_MESSAGE_CREATED);

    private PanelTopics() {
    }
}
