package io.github.xinfang.persistence.jdbc;

/** The soak test on an H2 file database. */
class H2FileSoakTests extends SoakContract {
    H2FileSoakTests() {
        super(TestDatabase.Kind.H2_FILE);
    }
}
