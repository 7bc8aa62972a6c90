package org.paymenter.ext.store.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns, the same way on H2 and PostgreSQL. Both
 * keep microseconds, so instants are truncated to microseconds before they are stored or compared: what
 * is read back equals what was written.
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(truncate(instant), ZoneOffset.UTC));
    }

    public static Instant get(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
