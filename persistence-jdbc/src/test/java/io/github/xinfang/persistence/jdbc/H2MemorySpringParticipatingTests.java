package io.github.xinfang.persistence.jdbc;

/** The participating mode under Spring's transaction manager, on H2 in memory. */
class H2MemorySpringParticipatingTests extends SpringParticipatingContract {
    @Override
    TestDatabase.Kind kind() {
        return TestDatabase.Kind.H2_MEMORY;
    }
}
