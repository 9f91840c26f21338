package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The participating mode under Spring's transaction manager, as a Spring Boot portal runs it: the portal's row written
 * with a {@link JdbcTemplate}, the case through the service, one {@code @Transactional}-like template around both;
 * and the store built over Spring's {@link TransactionAwareDataSourceProxy}, which once made the store commit the
 * portal's transaction. One subclass per database.
 */
abstract class SpringParticipatingContract extends PortalDatabaseContract {

    TransactionTemplate transactions;
    JdbcTemplate jdbc;

    SpringParticipatingContract(TestDatabase.Kind kind) {
        super(kind, 4);
    }

    @BeforeEach
    void open() {
        transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        jdbc = new JdbcTemplate(pool);
    }

    CaseService service(DataSource storeSource) {
        JdbcCaseStore store = JdbcCaseStore.builder(storeSource).dialect(db.dialect())
                .participating(new SpringTransactionBinding(storeSource)).build();
        return CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK)
                .listener((id, version, events) -> told.add(id.value() + " v" + version
                        + (committedElsewhere() ? " after" : " before") + " the commit"))
                .build();
    }

    /** @return whether another connection sees the case committed (Spring runs afterCommit inside its synchronisation) */
    boolean committedElsewhere() {
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM xf_case")) {
            rs.next();
            return rs.getLong(1) == 1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailingTransactionalMethodLeavesNeitherThePortalsRowNorTheCase() {
        for (DataSource storeSource : List.of(pool, new TransactionAwareDataSourceProxy(pool))) {
            CaseService service = service(storeSource);
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO portal_intake (id, case_id) VALUES (?, ?)", "form-1", CASE.value());
                assertThat(service.handle(register(CASE)).isApplied()).isTrue();
                throw new IllegalStateException("the portal fails after registering");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_intake", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM xf_case", Long.class)).isZero();
            assertThat(told).isEmpty();
        }
    }

    @Test
    void aCommittedTransactionalMethodKeepsBothAndListenersHearAfterTheCommit() {
        CaseService service = service(new TransactionAwareDataSourceProxy(pool));
        CommandResult result = transactions.execute(status -> {
            jdbc.update("INSERT INTO portal_intake (id, case_id) VALUES (?, ?)", "form-1", CASE.value());
            return service.handle(register(CASE));
        });
        assertThat(result.isApplied()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM portal_intake", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT version FROM xf_case", Long.class)).isEqualTo(1);
        assertThat(told).containsExactly(CASE.value() + " v1 after the commit");
    }

    @Test
    void aReadOnlyTransactionalMethodReadsTheCase() {
        CaseService service = service(pool);
        assertThat(service.handle(register(CASE)).isApplied()).isTrue();
        transactions.setReadOnly(true);
        Long version = transactions.execute(status -> service.history(CASE).orElseThrow().version());
        assertThat(version).isEqualTo(1);
    }
}
