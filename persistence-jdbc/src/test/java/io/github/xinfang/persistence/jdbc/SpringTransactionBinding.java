package io.github.xinfang.persistence.jdbc;

import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

// tag::binding[]
/** A participating store's binding to Spring's transactions (a {@code DataSourceTransactionManager} or JPA's). */
final class SpringTransactionBinding implements TransactionBinding {
    private final DataSource dataSource;

    SpringTransactionBinding(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<Connection> currentConnection() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) return Optional.empty();
        return Optional.of(DataSourceUtils.getConnection(dataSource));   // the transaction's own connection
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
// end::binding[]
