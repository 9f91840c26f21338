package io.github.xinfang.persistence.jdbc;

/** Followers' positions on the embedded MariaDB server. */
class MariaDbFeedPositionsTests extends FeedPositionsContract {
    MariaDbFeedPositionsTests() {
        super(TestDatabase.Kind.MARIADB);
    }
}
