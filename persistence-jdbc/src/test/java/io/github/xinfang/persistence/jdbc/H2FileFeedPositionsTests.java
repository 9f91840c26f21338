package io.github.xinfang.persistence.jdbc;

/** Followers' positions on H2 in file mode. */
class H2FileFeedPositionsTests extends FeedPositionsContract {
    H2FileFeedPositionsTests() {
        super(TestDatabase.Kind.H2_FILE);
    }
}
