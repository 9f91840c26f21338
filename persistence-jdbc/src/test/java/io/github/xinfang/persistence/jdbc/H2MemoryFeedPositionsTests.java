package io.github.xinfang.persistence.jdbc;

/** Followers' positions on H2 in memory. */
class H2MemoryFeedPositionsTests extends FeedPositionsContract {
    H2MemoryFeedPositionsTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }
}
