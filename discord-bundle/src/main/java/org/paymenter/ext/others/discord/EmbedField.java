package org.paymenter.ext.others.discord;

/** One name/value pair of an embed; Paymenter shows every field inline. */
record EmbedField(String name, String value, boolean inline) {

    static EmbedField inline(String name, String value) {
        return new EmbedField(name, value, true);
    }
}
