package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;

/**
 * The participating mode's suites share the portal's database: a fresh one per test behind a pool, migrated, with
 * the portal's own intake table beside xinfang's; and the list a suite's service listener writes to. Not thread-safe
 * (the list is).
 */
abstract class PortalDatabaseContract extends FreshDatabaseContract {

    static final CaseId CASE = new CaseId("XF-450802-2026-000001");

    /** The portal's pool over the test's database. */
    DataSource pool;
    /** What the listener was told (each suite says what it writes). */
    final List<String> told = Collections.synchronizedList(new ArrayList<>());

    private final int poolSize;

    PortalDatabaseContract(TestDatabase.Kind kind, int poolSize) {
        super(kind);
        this.poolSize = poolSize;
    }

    @BeforeEach
    final void openPortalDatabase() throws SQLException {
        pool = db.pool(poolSize);
        JdbcCaseStore.create(pool, db.dialect()).migrate();
        sql("CREATE TABLE portal_intake (id VARCHAR(64) NOT NULL PRIMARY KEY, case_id VARCHAR(64) NOT NULL)");
    }

    /** @return the command that registers a case, the portal's first step */
    static CaseCommand register(CaseId id) {
        return Domain.step(id, 0, Domain.HOUSING, id.value() + "/register");
    }
}
