package org.paymenter.ext.store.ledger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.paymenter.ext.api.gateway.BillingAgreement;
import org.paymenter.ext.store.db.Timestamps;

/**
 * Every statement on {@code billing_agreements}: saved payment methods, upserted by (gateway, external
 * reference) like spec §1.7's {@code makeBillingAgreement}, with the same lock-then-insert as payments.
 */
final class AgreementTable {

    private static final String LOCK = "SELECT id, user_id, name, type, expiry FROM billing_agreements "
            + "WHERE gateway = ? AND external_reference = ? FOR UPDATE";
    private static final String INSERT = "INSERT INTO billing_agreements (id, gateway, instance_id, "
            + "external_reference, user_id, name, type, expiry, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE billing_agreements SET user_id = ?, name = ?, type = ?, expiry = ?, "
            + "updated_at = ? WHERE id = ?";
    private static final String BY_REFERENCE = "SELECT user_id, name, type, expiry FROM billing_agreements "
            + "WHERE gateway = ? AND external_reference = ?";

    /** @throws IllegalArgumentException when the agreement does not fit the table */
    static void check(BillingAgreement agreement) {
        String reference = agreement.externalReference();
        if (reference == null || reference.isBlank() || reference.length() > 255) {
            throw new IllegalArgumentException("a billing agreement needs an external reference of 1 to 255 characters");
        }
        if (length(agreement.userId()) > 100 || length(agreement.name()) > 255 || length(agreement.type()) > 50) {
            throw new IllegalArgumentException("billing agreement " + reference
                    + ": user id (100), name (255) or type (50) is too long");
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    /**
     * Inserts or updates the agreement (a null field keeps what is stored).
     *
     * @return whether anything changed
     */
    boolean upsert(Connection connection, String newId, String gateway, String instanceId, BillingAgreement agreement,
            Instant now) throws SQLException {
        Optional<Stored> existing = lock(connection, gateway, agreement.externalReference());
        if (existing.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setString(1, newId);
                statement.setString(2, gateway);
                statement.setString(3, instanceId);
                statement.setString(4, agreement.externalReference());
                statement.setString(5, agreement.userId());
                statement.setString(6, agreement.name());
                statement.setString(7, agreement.type());
                statement.setDate(8, agreement.expiry() == null ? null : Date.valueOf(agreement.expiry()));
                Timestamps.set(statement, 9, now);
                Timestamps.set(statement, 10, now);
                statement.executeUpdate();
            }
            return true;
        }
        Stored old = existing.get();
        Stored merged = new Stored(old.id(), keep(agreement.userId(), old.userId()), keep(agreement.name(), old.name()),
                keep(agreement.type(), old.type()), keep(agreement.expiry(), old.expiry()));
        if (merged.equals(old)) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setString(1, merged.userId());
            statement.setString(2, merged.name());
            statement.setString(3, merged.type());
            statement.setDate(4, merged.expiry() == null ? null : Date.valueOf(merged.expiry()));
            Timestamps.set(statement, 5, now);
            statement.setString(6, merged.id());
            statement.executeUpdate();
        }
        return true;
    }

    /** The agreement as stored (without its id), for checks. */
    Optional<BillingAgreement> find(Connection connection, String gateway, String externalReference)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BY_REFERENCE)) {
            statement.setString(1, gateway);
            statement.setString(2, externalReference);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Date expiry = row.getDate("expiry");
                return Optional.of(new BillingAgreement(externalReference, row.getString("user_id"),
                        row.getString("name"), row.getString("type"), expiry == null ? null : expiry.toLocalDate()));
            }
        }
    }

    private Optional<Stored> lock(Connection connection, String gateway, String reference) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setString(1, gateway);
            statement.setString(2, reference);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Date expiry = row.getDate("expiry");
                return Optional.of(new Stored(row.getString("id"), row.getString("user_id"), row.getString("name"),
                        row.getString("type"), expiry == null ? null : expiry.toLocalDate()));
            }
        }
    }

    private static <T> T keep(T incoming, T stored) {
        return incoming != null ? incoming : stored;
    }

    private record Stored(String id, String userId, String name, String type, LocalDate expiry) {
    }
}
