package org.paymenter.ext.store.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.paymenter.ext.api.gateway.PaymentStatus;
import org.paymenter.ext.store.api.PaymentQuery;
import org.paymenter.ext.store.db.PageCursor;
import org.paymenter.ext.store.db.Timestamps;

/** Every statement on {@code payments}. Values only ever travel as parameters. */
final class PaymentTable {

    private static final String COLUMNS = "id, invoice_id, gateway, instance_id, transaction_id, amount_minor, "
            + "currency, fee_minor, status, created_at, updated_at, subscription_id";
    private static final String LOCK = "SELECT " + COLUMNS
            + " FROM payments WHERE gateway = ? AND transaction_id = ? FOR UPDATE";
    private static final String INSERT = "INSERT INTO payments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE payments SET invoice_id = ?, amount_minor = ?, currency = ?, "
            + "fee_minor = ?, status = ?, updated_at = ?, subscription_id = ? WHERE id = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM payments WHERE id = ?";
    /** A search is this, plus one fixed condition per filter given, plus the order and the page size. */
    private static final String SEARCH = "SELECT " + COLUMNS + " FROM payments WHERE 1 = 1";
    private static final String BY_INVOICE = " AND invoice_id = ?";
    private static final String BY_SUBSCRIPTION = " AND subscription_id = ?";
    private static final String BY_GATEWAY = " AND gateway = ?";
    private static final String BY_STATUS = " AND status = ?";
    private static final String FROM = " AND created_at >= ?";
    private static final String TO = " AND created_at < ?";
    private static final String BEFORE_ID = " AND id < ?";
    private static final String NEWEST_FIRST = " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";

    /** The row of that transaction, locked until the transaction ends; empty when there is none yet. */
    Optional<StoredPayment> lock(Connection connection, String gateway, String transactionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setString(1, gateway);
            statement.setString(2, transactionId);
            return one(statement);
        }
    }

    void insert(Connection connection, StoredPayment row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, row.id());
            statement.setString(2, row.invoiceId());
            statement.setString(3, row.gateway());
            statement.setString(4, row.instanceId());
            statement.setString(5, row.transactionId());
            setLong(statement, 6, row.amountMinor());
            statement.setString(7, row.currency());
            setLong(statement, 8, row.feeMinor());
            statement.setString(9, row.status().id());
            Timestamps.set(statement, 10, row.createdAt());
            Timestamps.set(statement, 11, row.updatedAt());
            statement.setString(12, row.subscriptionId());
            statement.executeUpdate();
        }
    }

    void update(Connection connection, StoredPayment row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setString(1, row.invoiceId());
            setLong(statement, 2, row.amountMinor());
            statement.setString(3, row.currency());
            setLong(statement, 4, row.feeMinor());
            statement.setString(5, row.status().id());
            Timestamps.set(statement, 6, row.updatedAt());
            statement.setString(7, row.subscriptionId());
            statement.setString(8, row.id());
            statement.executeUpdate();
        }
    }

    Optional<StoredPayment> byId(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BY_ID)) {
            statement.setString(1, id);
            return one(statement);
        }
    }

    /** Up to {@code rows} payments matching the query, newest first, after the query's cursor. */
    List<StoredPayment> search(Connection connection, PaymentQuery query, int rows) throws SQLException {
        StringBuilder sql = new StringBuilder(SEARCH);
        List<Object> values = new ArrayList<>();
        condition(sql, values, BY_INVOICE, query.invoiceId());
        condition(sql, values, BY_SUBSCRIPTION, query.subscriptionId());
        condition(sql, values, BY_GATEWAY, query.gateway());
        condition(sql, values, BY_STATUS, query.status() == null ? null : query.status().id());
        condition(sql, values, FROM, query.from());
        condition(sql, values, TO, query.to());
        condition(sql, values, BEFORE_ID, query.cursor() == null ? null : PageCursor.lastId(query.cursor()));
        sql.append(NEWEST_FIRST);
        values.add(rows);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof Instant instant) {
                    Timestamps.set(statement, i + 1, instant);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            List<StoredPayment> found = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    found.add(read(result));
                }
            }
            return found;
        }
    }

    private static void condition(StringBuilder sql, List<Object> values, String fragment, Object value) {
        if (value != null) {
            sql.append(fragment);
            values.add(value);
        }
    }

    private static Optional<StoredPayment> one(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.of(read(result)) : Optional.empty();
        }
    }

    private static StoredPayment read(ResultSet row) throws SQLException {
        return new StoredPayment(row.getString("id"), row.getString("invoice_id"), row.getString("gateway"),
                row.getString("instance_id"), row.getString("transaction_id"), getLong(row, "amount_minor"),
                row.getString("currency"), getLong(row, "fee_minor"), status(row.getString("status")),
                Timestamps.get(row, "created_at"), Timestamps.get(row, "updated_at"), row.getString("subscription_id"));
    }

    private static PaymentStatus status(String id) {
        return PaymentStatus.valueOf(id.toUpperCase(Locale.ROOT));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
