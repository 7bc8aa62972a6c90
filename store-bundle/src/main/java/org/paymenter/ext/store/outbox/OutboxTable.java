package org.paymenter.ext.store.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.paymenter.ext.store.api.DeliveryStatus;
import org.paymenter.ext.store.db.PageCursor;
import org.paymenter.ext.store.db.Timestamps;

/**
 * Every statement on {@code panel_outbox}. A row is claimed by a portable optimistic update (it sets
 * {@code claimed_until} only where no live claim is), so two nodes never send the same row at once; a
 * claim that outlives a crashed node simply expires.
 */
public final class OutboxTable {

    private static final String COLUMNS = "id, topic, payment_id, body, status, attempts, next_attempt_at, "
            + "last_error, created_at, delivered_at";
    private static final String WAITING = "status IN ('pending', 'failed')";
    private static final String INSERT = "INSERT INTO panel_outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DUE = "SELECT id FROM panel_outbox WHERE " + WAITING + " AND next_attempt_at <= ? "
            + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id FETCH FIRST ? ROWS ONLY";
    private static final String CLAIM = "UPDATE panel_outbox SET claimed_until = ?, claimed_by = ? WHERE id = ? AND "
            + WAITING + " AND (claimed_until IS NULL OR claimed_until < ?)";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM panel_outbox WHERE id = ?";
    private static final String DELIVERED = "UPDATE panel_outbox SET status = 'delivered', attempts = attempts + 1, "
            + "delivered_at = ?, last_error = NULL, claimed_until = NULL, claimed_by = NULL WHERE id = ? AND claimed_by = ?";
    private static final String FAILED = "UPDATE panel_outbox SET status = 'failed', attempts = attempts + 1, "
            + "next_attempt_at = ?, last_error = ?, claimed_until = NULL, claimed_by = NULL WHERE id = ? AND claimed_by = ?";
    private static final String RELEASE = "UPDATE panel_outbox SET claimed_until = NULL, claimed_by = NULL "
            + "WHERE claimed_by = ?";
    private static final String COUNTS = "SELECT status, COUNT(*) AS n FROM panel_outbox GROUP BY status";
    private static final String LIST = "SELECT " + COLUMNS + " FROM panel_outbox WHERE status IN (?, ?, ?) AND id > ? "
            + "ORDER BY id FETCH FIRST ? ROWS ONLY";
    private static final String PRUNE = "DELETE FROM panel_outbox WHERE status = 'delivered' AND delivered_at < ?";
    private static final int MAX_ERROR = 500;
    /** Sorts before every id, for the first page. */
    private static final String BEFORE_ALL_IDS = "";

    public void insert(Connection connection, OutboxRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, row.id());
            statement.setString(2, row.topic());
            statement.setString(3, row.paymentId());
            statement.setString(4, row.body());
            statement.setString(5, row.status().id());
            statement.setInt(6, row.attempts());
            Timestamps.set(statement, 7, row.nextAttemptAt());
            statement.setString(8, row.lastError());
            Timestamps.set(statement, 9, row.createdAt());
            Timestamps.set(statement, 10, row.deliveredAt());
            statement.executeUpdate();
        }
    }

    /**
     * Claims up to {@code max} rows that are due, for {@code node} until {@code until}.
     *
     * @return the rows this node claimed (others may have claimed some of the due ones first)
     */
    List<OutboxRow> claimDue(Connection connection, Instant now, Instant until, String node, int max)
            throws SQLException {
        List<String> due = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DUE)) {
            Timestamps.set(statement, 1, now);
            Timestamps.set(statement, 2, now);
            statement.setInt(3, max);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getString("id"));
                }
            }
        }
        List<OutboxRow> claimed = new ArrayList<>();
        for (String id : due) {
            if (claim(connection, id, now, until, node)) {
                byId(connection, id).ifPresent(claimed::add);
            }
        }
        return claimed;
    }

    private boolean claim(Connection connection, String id, Instant now, Instant until, String node)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            Timestamps.set(statement, 1, until);
            statement.setString(2, node);
            statement.setString(3, id);
            Timestamps.set(statement, 4, now);
            return statement.executeUpdate() == 1;
        }
    }

    Optional<OutboxRow> byId(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BY_ID)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The panel took it; only the claim holder may say so. */
    void markDelivered(Connection connection, String id, String node, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELIVERED)) {
            Timestamps.set(statement, 1, now);
            statement.setString(2, id);
            statement.setString(3, node);
            statement.executeUpdate();
        }
    }

    /** The panel did not take it; try again at {@code next}. */
    void markFailed(Connection connection, String id, String node, Instant next, String error) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FAILED)) {
            Timestamps.set(statement, 1, next);
            statement.setString(2, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
            statement.setString(3, id);
            statement.setString(4, node);
            statement.executeUpdate();
        }
    }

    /** Drops the claims {@code node} holds: after a crash they would otherwise hold rows up until they expire. */
    int releaseClaims(Connection connection, String node) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RELEASE)) {
            statement.setString(1, node);
            return statement.executeUpdate();
        }
    }

    /** Deletes the rows the panel took before {@code deliveredBefore}; never one still to be sent. */
    int pruneDelivered(Connection connection, Instant deliveredBefore) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PRUNE)) {
            Timestamps.set(statement, 1, deliveredBefore);
            return statement.executeUpdate();
        }
    }

    Map<DeliveryStatus, Long> counts(Connection connection) throws SQLException {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0L);
        }
        try (PreparedStatement statement = connection.prepareStatement(COUNTS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Optional<DeliveryStatus> status = DeliveryStatus.fromId(rows.getString("status"));
                if (status.isPresent()) {
                    counts.put(status.get(), rows.getLong("n"));
                }
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Up to {@code max} rows in one of {@code statuses}, oldest first, after the cursor (or from the start). */
    List<OutboxRow> list(Connection connection, Set<DeliveryStatus> statuses, String cursor, int max)
            throws SQLException {
        List<DeliveryStatus> wanted = new ArrayList<>(statuses);
        try (PreparedStatement statement = connection.prepareStatement(LIST)) {
            // Three slots for at most three statuses; unused ones repeat the first (IN ignores repeats).
            for (int i = 0; i < 3; i++) {
                statement.setString(i + 1, wanted.get(Math.min(i, wanted.size() - 1)).id());
            }
            statement.setString(4, cursor == null ? BEFORE_ALL_IDS : PageCursor.lastId(cursor));
            statement.setInt(5, max);
            List<OutboxRow> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(read(rows));
                }
            }
            return found;
        }
    }

    private static OutboxRow read(ResultSet row) throws SQLException {
        return new OutboxRow(row.getString("id"), row.getString("topic"), row.getString("payment_id"),
                row.getString("body"), DeliveryStatus.fromId(row.getString("status")).orElseThrow(),
                row.getInt("attempts"), Timestamps.get(row, "next_attempt_at"), row.getString("last_error"),
                Timestamps.get(row, "created_at"), Timestamps.get(row, "delivered_at"));
    }
}
