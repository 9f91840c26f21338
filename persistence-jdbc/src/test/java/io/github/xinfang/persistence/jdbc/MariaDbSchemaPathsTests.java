package io.github.xinfang.persistence.jdbc;

/**
 * The schema paths on the embedded MariaDB server, where DDL commits itself, a schema is a database, and concurrent
 * migrations queue on the named lock {@code xinfang_schema}. Flyway through {@code flyway-mysql}, Liquibase through its
 * MariaDB support.
 */
class MariaDbSchemaPathsTests extends SchemaPathsContract {
    MariaDbSchemaPathsTests() {
        super(TestDatabase.Kind.MARIADB, 4);
    }
}
