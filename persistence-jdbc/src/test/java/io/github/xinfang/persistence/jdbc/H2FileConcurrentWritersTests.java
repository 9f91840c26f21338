package io.github.xinfang.persistence.jdbc;

/** The concurrent writers on H2 in file mode with WRITE_DELAY=0 and LOCK_TIMEOUT=10000, where the report came from: 20 runs of 4 × 60 commands. */
class H2FileConcurrentWritersTests extends ConcurrentWritersContract {
    H2FileConcurrentWritersTests() {
        super(TestDatabase.Kind.H2_FILE, 20, 60);
    }
}
