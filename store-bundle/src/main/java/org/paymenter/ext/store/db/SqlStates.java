package org.paymenter.ext.store.db;

import java.sql.SQLException;
import java.util.Set;

/** The SQLSTATE classes the store reacts to; H2 and PostgreSQL report the same codes for these. */
public final class SqlStates {

    /** Another transaction inserted the same key first. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** Deadlock detected, serialization failure: the database aborted us to let another go on. */
    private static final Set<String> TRANSIENT = Set.of("40P01", "40001");

    private SqlStates() {
    }

    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    public static boolean isTransient(SQLException e) {
        return TRANSIENT.contains(e.getSQLState());
    }
}
