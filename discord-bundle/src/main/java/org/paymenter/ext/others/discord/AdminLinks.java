package org.paymenter.ext.others.discord;

/**
 * Markdown links to the panel's admin pages, {@code [Order #12]({panel}/admin/orders/12/edit)} (spec
 * §2.14). Without a panel URL the label is shown as plain text: a link to nowhere would be worse.
 */
final class AdminLinks {

    /** The models that have an admin edit page, with the path segment and the name shown. */
    enum Kind {
        ORDER("orders", "Order"),
        INVOICE("invoices", "Invoice"),
        TICKET("tickets", "Ticket"),
        SERVICE("services", "Service"),
        USER("users", "User");

        private final String path;
        private final String noun;

        Kind(String path, String noun) {
            this.path = path;
            this.noun = noun;
        }
    }

    static final String UNKNOWN = "unknown";

    private final String panelUrl;

    /** @param panelUrl the panel's base address, or "" for plain-text labels */
    AdminLinks(String panelUrl) {
        this.panelUrl = panelUrl.endsWith("/") ? panelUrl.substring(0, panelUrl.length() - 1) : panelUrl;
    }

    /** {@code [Order #12](...)}; "Order #unknown" when the model has no id. */
    String model(Kind kind, String id) {
        return link(kind.noun + " #" + (id == null ? UNKNOWN : id), kind, id);
    }

    /** {@code [User Jane Doe](...)}, as Order Created and Ticket Created show the customer. */
    String user(EventModel user) {
        String id = user.text("id").orElse(null);
        return link("User " + name(user), Kind.USER, id);
    }

    /** The name Paymenter shows for a user: its name, else first and last name, else e-mail, else its id. */
    static String name(EventModel user) {
        return user.text("name").orElseGet(() -> {
            String full = (user.text("first_name", "") + " " + user.text("last_name", "")).trim();
            return !full.isEmpty() ? full : user.text("email").orElseGet(() -> "#" + user.text("id", UNKNOWN));
        });
    }

    private String link(String label, Kind kind, String id) {
        String text = escape(label);
        if (panelUrl.isEmpty() || id == null) {
            return text;
        }
        return "[" + text + "](" + panelUrl + "/admin/" + kind.path + "/" + id + "/edit)";
    }

    /** Brackets in a customer's name must not end the link text early. */
    private static String escape(String label) {
        return label.replace("[", "\\[").replace("]", "\\]");
    }
}
