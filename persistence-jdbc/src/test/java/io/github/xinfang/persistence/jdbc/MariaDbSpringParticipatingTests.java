package io.github.xinfang.persistence.jdbc;

/** The participating mode under Spring's transaction manager, on MariaDB. */
class MariaDbSpringParticipatingTests extends SpringParticipatingContract {
    MariaDbSpringParticipatingTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
