package io.github.xinfang.spring.boot;

import io.github.xinfang.persistence.jdbc.TransactionBinding;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;

/**
 * The JDBC store's part in Spring's transactions: the connection of the Spring transaction open on the current thread
 * for the store's own {@code DataSource} (a {@code DataSourceTransactionManager}'s, or a JPA one's that exposes its
 * connection), and actions run after that transaction commits. With no such transaction the store runs a transaction
 * of its own. Thread-safe.
 */
final class SpringTransactionBinding implements TransactionBinding {
    private final DataSource dataSource;

    SpringTransactionBinding(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<Connection> currentConnection() {
        // only a transaction that holds a connection of this DataSource is joined; another resource's is not ours
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.getResource(dataSource) == null) {
            return Optional.empty();
        }
        return Optional.of(DataSourceUtils.getConnection(dataSource));
    }

    @Override
    public void release(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);   // never closes the transaction's connection
    }

    @Override
    public void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
