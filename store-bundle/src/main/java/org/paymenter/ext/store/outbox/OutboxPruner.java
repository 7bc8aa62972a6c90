package org.paymenter.ext.store.outbox;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Deletes outbox rows the panel took longer than the retention ago, so the outbox does not grow for ever.
 * Rows still to be sent are never touched. Safe on several nodes at once: the delete is idempotent.
 */
public final class OutboxPruner {

    private static final System.Logger LOG = System.getLogger(OutboxPruner.class.getName());

    private final DataSource dataSource;
    private final OutboxTable table;
    private final Clock clock;
    private final Duration retention;

    public OutboxPruner(DataSource dataSource, OutboxTable table, Clock clock, Duration retention) {
        this.dataSource = dataSource;
        this.table = table;
        this.clock = clock;
        this.retention = retention;
    }

    /** Prunes now; returns how many rows went. A database error is logged and retried on the next run. */
    public int prune() {
        try (Connection connection = dataSource.getConnection()) {
            int deleted = table.pruneDelivered(connection, clock.instant().minus(retention));
            if (deleted > 0) {
                LOG.log(Level.INFO, "deleted " + deleted + " outbox row(s) delivered more than " + retention.toDays()
                        + " days ago");
            }
            return deleted;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "pruning delivered outbox rows failed, will try again: " + e.getMessage());
            return 0;
        }
    }
}
