package io.github.xinfang.persistence.jdbc;

/** The schema paths on an H2 memory database (DDL commits itself: one migrator at a time). */
class H2MemorySchemaPathsTests extends SchemaPathsContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2_MEMORY;
    }

    @Override
    int concurrentMigrators() {
        return 1;
    }
}
