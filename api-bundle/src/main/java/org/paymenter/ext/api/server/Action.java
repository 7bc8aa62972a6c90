package org.paymenter.ext.api.server;

/**
 * An entry of the customer's service page (spec §1.6 action maps).
 *
 * @param type     {@code button}, {@code view} or {@code text}
 * @param name     identifies the action when it is run
 * @param label    what the customer sees
 * @param url      a direct link (button), or null
 * @param function run through {@link ServiceActions#runAction} when set (time-limited SSO links)
 * @param text     the content of a text entry, or null
 */
public record Action(String type, String name, String label, String url, String function, String text) {

    public static Action link(String name, String label, String url) {
        return new Action("button", name, label, url, null, null);
    }

    public static Action function(String name, String label, String function) {
        return new Action("button", name, label, null, function, null);
    }

    public static Action text(String name, String label, String text) {
        return new Action("text", name, label, null, null, text);
    }
}
