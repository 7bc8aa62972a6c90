package org.paymenter.ext.store.db;

import java.util.Arrays;
import java.util.Optional;

/** The databases the store runs on; the SQL is written for both. */
public enum DatabaseKind {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    DatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The kind a JDBC URL names, or empty for anything else. */
    public static Optional<DatabaseKind> of(String jdbcUrl) {
        return Arrays.stream(values()).filter(k -> jdbcUrl.startsWith(k.urlPrefix)).findFirst();
    }

    /**
     * The URL without what may be secret (user info, query string, H2 settings), for logs and messages:
     * {@code jdbc:postgresql://db.example:5432/paymenter}.
     */
    public static String redact(String jdbcUrl) {
        String withoutQuery = jdbcUrl.split("[?;]", 2)[0];
        int scheme = withoutQuery.indexOf("//");
        int at = withoutQuery.indexOf('@');
        if (scheme >= 0 && at > scheme) {
            return withoutQuery.substring(0, scheme + 2) + withoutQuery.substring(at + 1);
        }
        return withoutQuery;
    }
}
