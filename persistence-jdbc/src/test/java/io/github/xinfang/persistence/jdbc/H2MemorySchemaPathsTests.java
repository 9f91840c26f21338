package io.github.xinfang.persistence.jdbc;

/** The schema paths on an H2 memory database (DDL commits itself: one migrator at a time). */
class H2MemorySchemaPathsTests extends SchemaPathsContract {
    H2MemorySchemaPathsTests() {
        super(TestDatabase.Kind.H2_MEMORY, 1);
    }
}
