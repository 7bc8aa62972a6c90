package org.paymenter.ext.store.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.paymenter.ext.store.api.StorageException;

/**
 * Runs units of work in transactions, several to a transaction when they queue up (group commit): under
 * load many webhooks share one commit, so one disk write, instead of each paying for its own. Each unit
 * runs inside a savepoint: a unit that fails is rolled back alone and the others still commit, and a
 * unit that hits a unique violation (another node inserted the same key first) or a deadlock is run
 * again once, when it finds the other's row and takes the update path. A unit's result is handed out
 * only after its transaction committed and {@code afterCommit} has seen every committed result.
 *
 * @param <T> what a unit returns
 */
public final class GroupCommitter<T> implements AutoCloseable {

    /** One piece of work; it may run twice (see above), so it must not keep state between runs. */
    @FunctionalInterface
    public interface Unit<T> {
        T run(Connection connection) throws SQLException;
    }

    private record Job<T>(Unit<T> unit, CompletableFuture<T> result) {
    }

    private static final long IDLE_POLL_MS = 200;
    private static final long STOP_WAIT_MS = 10_000;
    private static final System.Logger LOG = System.getLogger(GroupCommitter.class.getName());

    private final DataSource dataSource;
    private final int maxGroup;
    private final Consumer<List<T>> afterCommit;
    private final LinkedBlockingQueue<Job<T>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong retried = new AtomicLong();
    private volatile boolean running = true;

    public GroupCommitter(DataSource dataSource, int maxGroup, Consumer<List<T>> afterCommit, String name) {
        this.dataSource = dataSource;
        this.maxGroup = maxGroup;
        this.afterCommit = afterCommit;
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues the unit; the future completes once it is committed, or with why it was not. */
    public CompletableFuture<T> submit(Unit<T> unit) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new StorageException("the store is stopping", null));
            return result;
        }
        queue.add(new Job<>(unit, result));
        return result;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            List<Job<T>> group = new ArrayList<>();
            try {
                Job<T> first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                fail(group, new StorageException("the store stopped before the commit", e));
                break;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "group commit failed unexpectedly", e);
                fail(group, new StorageException("the store failed: " + e.getMessage(), e));
            }
        }
        fail(new ArrayList<>(queue), new StorageException("the store stopped before the commit", null));
    }

    private void commit(List<Job<T>> group) {
        List<Object> outcomes = new ArrayList<>(group.size());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Job<T> job : group) {
                    outcomes.add(runInSavepoint(connection, job.unit()));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            fail(group, new StorageException("the database did not commit: " + e.getMessage(), e));
            return;
        }
        List<T> committed = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof Committed<?> done) {
                committed.add(value(done));
            }
        }
        if (!committed.isEmpty()) {
            try {
                afterCommit.accept(committed);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "after-commit work failed (the commit stands)", e);
            }
        }
        // Only now may callers answer: what they answer about is committed and announced.
        for (int i = 0; i < group.size(); i++) {
            complete(group.get(i).result(), outcomes.get(i));
        }
    }

    /** The unit's result, or the RuntimeException it ended with; a SQLException that is not its own escapes. */
    private Object runInSavepoint(Connection connection, Unit<T> unit) throws SQLException {
        for (int attempt = 1;; attempt++) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = unit.run(connection);
                connection.releaseSavepoint(savepoint);
                return new Committed<>(result);
            } catch (SQLException e) {
                connection.rollback(savepoint);
                boolean retry = SqlStates.isUniqueViolation(e) || SqlStates.isTransient(e);
                if (!(retry && attempt == 1)) {
                    return new StorageException("the database refused the change: " + e.getMessage(), e);
                }
                retried.incrementAndGet();
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                return e;
            }
        }
    }

    private record Committed<T>(T value) {
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(Committed<?> done) {
        return (T) done.value();
    }

    private static <T> void complete(CompletableFuture<T> result, Object outcome) {
        if (outcome instanceof Committed<?> done) {
            result.complete(value(done));
        } else {
            result.completeExceptionally((RuntimeException) outcome);
        }
    }

    private static <T> void fail(List<Job<T>> jobs, StorageException reason) {
        jobs.forEach(job -> job.result().completeExceptionally(reason));
    }

    /** How many units were run a second time (a concurrent insert of the same key, a deadlock). */
    public long retried() {
        return retried.get();
    }

    /** Commits what is queued, then stops; work submitted from now on is refused. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            writer.interrupt();
        }
    }
}
