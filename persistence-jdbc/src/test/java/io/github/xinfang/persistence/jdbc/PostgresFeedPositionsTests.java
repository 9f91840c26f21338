package io.github.xinfang.persistence.jdbc;

/** Followers' positions on the embedded PostgreSQL server. */
class PostgresFeedPositionsTests extends FeedPositionsContract {
    PostgresFeedPositionsTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }
}
