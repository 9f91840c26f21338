package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.persistence.StoredCase;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The schema paths on PostgreSQL, where migrations run in one transaction under an advisory lock, and the search path
 * can reach tables of another schema: the second-copy trap.
 */
class PostgresSchemaPathsTests extends SchemaPathsContract {
    PostgresSchemaPathsTests() {
        super(TestDatabase.Kind.POSTGRESQL, 6);
    }

    @Test
    void tablesReachedThroughTheSearchPathAreMigratedWhereTheyAreNeverCopiedIntoTheCurrentSchema() throws SQLException {
        String current;
        try (Connection c = pool.getConnection()) {
            current = c.getSchema();
        }
        execute(pool, "CREATE SCHEMA " + current + "_xf");
        JdbcCaseStore configured = JdbcCaseStore.builder(pool).dialect(Dialect.POSTGRESQL).schema(current + "_xf").build();
        SchemaMigrator.migrate(pool, Dialect.POSTGRESQL, current + "_xf", 3, null);

        // The portal's connections look in their own schema first, then in xinfang's.
        DataSource searching = db.pool(4, "SET search_path TO " + current + ", " + current + "_xf");
        JdbcCaseStore unconfigured = JdbcCaseStore.create(searching, Dialect.POSTGRESQL);
        assertThat(unconfigured.schemaVersion()).isEqualTo(3);

        MigrationReport report = unconfigured.migrate(JdbcMigrationContract.UNUSED);

        assertThat(report).isEqualTo(new MigrationReport(3, JdbcCaseStore.SCHEMA_VERSION, java.util.List.of()));
        assertThat(structure(pool)).as("no second copy in %s", current).isEmpty();
        assertThat(configured.schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        configured.commit(Commits.commit("trap-1", 0, 0, 2, b -> b));
        StoredCase registered = configured.load("trap-1").orElseThrow();
        assertThat(unconfigured.load("trap-1")).as("one copy, reached both ways").contains(registered);
        assertThat(unconfigured.caseIdsAfter("", 10)).containsExactly("trap-1");
        try (Connection c = searching.getConnection()) {
            assertThat(c.getSchema()).as("the connection's search path is restored").isEqualTo(current);
        }
    }
}
