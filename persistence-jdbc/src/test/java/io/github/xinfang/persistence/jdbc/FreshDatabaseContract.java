package io.github.xinfang.persistence.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A suite that gets a fresh database of its kind for each test, {@link #db}, opened before the subclass's own
 * {@code @BeforeEach} methods run and closed after its {@code @AfterEach} methods. Not thread-safe.
 */
abstract class FreshDatabaseContract extends DatabaseContract {

    /** The running test's database. */
    TestDatabase db;

    FreshDatabaseContract(TestDatabase.Kind kind) {
        super(kind);
    }

    @BeforeEach
    final void openDatabase() {
        db = TestDatabase.open(kind());
    }

    @AfterEach
    final void closeDatabase() {
        db.close();
    }
}
