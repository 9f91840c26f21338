package io.github.xinfang.persistence.jdbc;

/** The participating mode under Spring's transaction manager, on H2 in memory. */
class H2MemorySpringParticipatingTests extends SpringParticipatingContract {
    H2MemorySpringParticipatingTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
