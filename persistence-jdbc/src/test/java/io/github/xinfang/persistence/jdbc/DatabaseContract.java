package io.github.xinfang.persistence.jdbc;

import java.util.Objects;

/**
 * A suite that runs on one kind of database: each per-database subclass names its database, and what else differs
 * there, in its constructor. Immutable.
 */
abstract class DatabaseContract {

    private final TestDatabase.Kind kind;

    DatabaseContract(TestDatabase.Kind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return the database the subclass runs on */
    final TestDatabase.Kind kind() {
        return kind;
    }
}
