package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.StoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Transactions on plain JDBC, for applications without a transaction manager: {@link #inTransaction} borrows a
 * connection, binds it to the current thread for the duration of the work, and commits (or, if the work throws, rolls
 * back); a participating {@link JdbcCaseStore} built with this binding writes the case in that same transaction, next
 * to the application's own rows, and its listeners are told after the commit.
 *
 * <pre>{@code
 * JdbcTransactions transactions = new JdbcTransactions(pool);
 * JdbcCaseStore store = JdbcCaseStore.builder(pool).participating(transactions).build();
 * CaseService service = CaseService.builder(store, directory, clock).build();
 * transactions.inTransaction(connection -> {
 *     insertIntakeForm(connection, form);             // the portal's own row
 *     return service.handle(register);                 // the case, in the same transaction
 * });
 * }</pre>
 *
 * <p>A call made inside another joins it (no nesting, no savepoint). Thread-safe; the binding is per thread.
 *
 * @since 0.3
 */
public final class JdbcTransactions implements TransactionBinding {

    /** Work inside a transaction, on its connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param connection the transaction's connection; do not commit, roll back or close it
         * @return the work's result
         * @throws SQLException if a statement fails (the transaction is rolled back)
         */
        T run(Connection connection) throws SQLException;
    }

    private static final class Bound {
        final Connection connection;
        final List<Runnable> afterCommit = new ArrayList<>();

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    private final DataSource dataSource;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    /**
     * @param dataSource where transactions' connections come from
     * @throws NullPointerException if dataSource is null
     */
    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Runs work in a read-write transaction at the connection's isolation level, joining the one already open on this
     * thread if there is one.
     *
     * @param work the work
     * @param <T> its result
     * @return what the work returned, after the commit and the after-commit actions
     * @throws NullPointerException if work is null
     * @throws StoreException if a statement, the commit or a connection fails (the transaction is rolled back)
     */
    public <T> T inTransaction(Work<T> work) {
        return run(Objects.requireNonNull(work, "work"), false);
    }

    /**
     * Runs work in a read-only transaction, joining the one already open on this thread if there is one.
     *
     * @param work the work
     * @param <T> its result
     * @return what the work returned
     * @throws NullPointerException if work is null
     * @throws StoreException if a statement or a connection fails
     */
    public <T> T inReadOnlyTransaction(Work<T> work) {
        return run(Objects.requireNonNull(work, "work"), true);
    }

    private <T> T run(Work<T> work, boolean readOnly) {
        Bound outer = bound.get();
        if (outer != null) {
            try {
                return work.run(outer.connection);
            } catch (SQLException e) {
                throw new StoreException("a statement of the transaction failed", e);
            }
        }
        Bound b;
        T result;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            boolean wasReadOnly = c.isReadOnly();
            if (wasReadOnly != readOnly) c.setReadOnly(readOnly);
            c.setAutoCommit(false);
            b = new Bound(c);
            bound.set(b);
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                bound.remove();
                c.setAutoCommit(autoCommit);
                if (wasReadOnly != readOnly) c.setReadOnly(wasReadOnly);
            }
        } catch (SQLException e) {
            throw new StoreException("the transaction failed and was rolled back", e);
        }
        RuntimeException first = null;
        for (Runnable action : b.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
        return result;
    }

    @Override
    public Optional<Connection> currentConnection() {
        Bound b = bound.get();
        return b == null ? Optional.empty() : Optional.of(b.connection);
    }

    /**
     * Runs the action after the current transaction commits, in registration order; an action's exception does not
     * stop the others and is thrown from {@link #inTransaction} after them.
     *
     * @throws IllegalStateException if no transaction is open on this thread
     */
    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        Bound b = bound.get();
        if (b == null) throw new IllegalStateException("no transaction is open on this thread");
        b.afterCommit.add(action);
    }

    /** Rolls {@code c}'s transaction back after {@code cause}, to which a failure of the rollback is added as suppressed. */
    static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
