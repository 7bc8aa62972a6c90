package org.paymenter.ext.store.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of an extension's migration history table, made from its bundle symbolic name: only
 * {@code [a-z0-9_]}, short enough for PostgreSQL's 63-character identifiers, and distinct for distinct
 * names (a hash is appended when the readable part had to be shortened or changed).
 */
public final class HistoryTables {

    private static final String PREFIX = "ext_history_";
    private static final int MAX_READABLE = 40;
    /** Names that map to a table name one to one: lower-case words joined by dots. */
    private static final Pattern SIMPLE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)*");

    private HistoryTables() {
    }

    public static String forBundle(String symbolicName) {
        String readable = symbolicName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (SIMPLE.matcher(symbolicName).matches() && readable.length() <= MAX_READABLE) {
            return PREFIX + readable;
        }
        String shortened = readable.length() > MAX_READABLE ? readable.substring(0, MAX_READABLE) : readable;
        return PREFIX + shortened + "_" + hash(symbolicName);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
