-- xinfang JDBC adapter, schema version 5, H2 2.x (REGULAR mode): change-feed followers' positions.
-- One row per follower (a projection, a notifier, a search index fed from the change feed): the position of the last
-- change it has handled. A follower locks its row (SELECT ... FOR UPDATE) for the transaction in which it reads the
-- changes after that position, applies their effects and saves the new position, so two nodes never handle a change
-- twice, and the effects and the position commit together or not at all (JdbcFeedPositions; the Spring Boot
-- starter's feed runner). The row is inserted at position 0 the first time a follower locks it.
-- No existing table or column changes; nothing else reads or writes this table.
CREATE TABLE IF NOT EXISTS xf_feed_positions (
    follower   VARCHAR(100) NOT NULL,
    position   BIGINT       NOT NULL,
    updated_at TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT xf_feed_positions_pk PRIMARY KEY (follower),
    CONSTRAINT xf_feed_positions_not_negative CHECK (position >= 0)
);

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (5, 'V5__xinfang_schema.sql');
