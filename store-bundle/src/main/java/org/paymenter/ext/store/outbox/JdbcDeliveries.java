package org.paymenter.ext.store.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.paymenter.ext.store.api.Deliveries;
import org.paymenter.ext.store.api.Delivery;
import org.paymenter.ext.store.api.DeliveryStatus;
import org.paymenter.ext.store.api.Page;
import org.paymenter.ext.store.api.StorageException;
import org.paymenter.ext.store.db.PageCursor;

/** The outbox as operators see it, read from the table. */
public final class JdbcDeliveries implements Deliveries {

    private final DataSource dataSource;
    private final OutboxTable table;
    private final Optional<String> idleReason;

    /** @param idleReason why nothing is sent (no callback URL), or empty when the worker runs */
    public JdbcDeliveries(DataSource dataSource, OutboxTable table, Optional<String> idleReason) {
        this.dataSource = dataSource;
        this.table = table;
        this.idleReason = idleReason;
    }

    @Override
    public Page<Delivery> list(Set<DeliveryStatus> statuses, int limit, String cursor) {
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("name at least one delivery status");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        try (Connection connection = dataSource.getConnection()) {
            List<OutboxRow> rows = table.list(connection, statuses, cursor, limit + 1);
            List<Delivery> items = rows.stream().limit(limit).map(OutboxRow::toDelivery).toList();
            String next = rows.size() > limit ? PageCursor.after(items.get(items.size() - 1).id()) : null;
            return new Page<>(items, next);
        } catch (SQLException e) {
            throw new StorageException("cannot read the panel deliveries: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<DeliveryStatus, Long> counts() {
        try (Connection connection = dataSource.getConnection()) {
            return table.counts(connection);
        } catch (SQLException e) {
            throw new StorageException("cannot count the panel deliveries: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> idleReason() {
        return idleReason;
    }
}
