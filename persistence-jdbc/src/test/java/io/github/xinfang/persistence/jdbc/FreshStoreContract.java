package io.github.xinfang.persistence.jdbc;

import org.junit.jupiter.api.BeforeEach;

/**
 * A suite that runs against the store of a fresh database of its kind, {@link #store}: migrated, over a pool
 * ({@link TestDatabase#store()}), opened after the database and before the subclass's own {@code @BeforeEach}
 * methods run. Not thread-safe.
 */
abstract class FreshStoreContract extends FreshDatabaseContract {

    /** The running test's store. */
    JdbcCaseStore store;

    FreshStoreContract(TestDatabase.Kind kind) {
        super(kind);
    }

    @BeforeEach
    final void openStore() {
        store = db.store();
    }
}
