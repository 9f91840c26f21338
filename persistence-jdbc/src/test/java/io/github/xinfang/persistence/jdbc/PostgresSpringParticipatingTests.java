package io.github.xinfang.persistence.jdbc;

/** The participating mode under Spring's transaction manager, on Postgres. */
class PostgresSpringParticipatingTests extends SpringParticipatingContract {
    PostgresSpringParticipatingTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
