package io.github.xinfang.persistence.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The port through which a participating {@link JdbcCaseStore} takes part in the caller's transaction: it hands the
 * store the connection of the transaction open on the current thread, and runs actions when that transaction
 * commits. Plain JDBC code uses {@link JdbcTransactions}; a Spring application implements it in a few lines over
 * {@code DataSourceUtils} and {@code TransactionSynchronizationManager}, a Jakarta EE one over the container's
 * {@code TransactionSynchronizationRegistry} (the module's README shows both).
 *
 * <p>The store never commits, rolls back, or changes the isolation level, auto-commit or read-only flag of a
 * connection it gets here; it works inside a savepoint of its own, and releases or rolls back only to that savepoint.
 * Implementations must be thread-safe.
 *
 * @since 0.3
 */
public interface TransactionBinding {

    /**
     * The connection of the transaction open on the current thread.
     *
     * @return the connection, or empty when no transaction is open (the store then runs the call in a transaction of
     *     its own, on a connection of its data source, as in its own-transaction mode)
     * @throws SQLException if the transaction's connection cannot be obtained
     */
    Optional<Connection> currentConnection() throws SQLException;

    /**
     * Hands back a connection that {@link #currentConnection()} returned, once the store's call is done with it (for
     * Spring: {@code DataSourceUtils.releaseConnection}). The default does nothing: the transaction owns it.
     *
     * @param connection the connection
     * @throws SQLException if handing it back fails
     */
    default void release(Connection connection) throws SQLException {
    }

    /**
     * Registers an action to run once the transaction open on the current thread commits, and never if it rolls back.
     * Called only while {@link #currentConnection()} answers a connection.
     *
     * @param action what to run after the commit
     */
    void afterCommit(Runnable action);
}
