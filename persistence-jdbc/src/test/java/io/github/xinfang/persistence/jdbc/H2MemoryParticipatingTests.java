package io.github.xinfang.persistence.jdbc;

/** The participating mode on H2 in memory. */
class H2MemoryParticipatingTests extends ParticipatingContract {
    H2MemoryParticipatingTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
