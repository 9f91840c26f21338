-- xinfang JDBC adapter, schema version 5, MySQL and MariaDB: change-feed followers' positions.
-- One row per follower (a projection, a notifier, a search index fed from the change feed): the position of the last
-- change it has handled. A follower locks its row (SELECT ... FOR UPDATE) for the transaction in which it reads the
-- changes after that position, applies their effects and saves the new position, so two nodes never handle a change
-- twice, and the effects and the position commit together or not at all (JdbcFeedPositions; the Spring Boot
-- starter's feed runner). The row is inserted at position 0 the first time a follower locks it; run those
-- transactions at READ COMMITTED (at REPEATABLE READ, InnoDB's gap locks can make two nodes inserting the same new
-- follower deadlock, which rolls one of their transactions back).
-- The follower name is VARBINARY like every compared text column (its UTF-8 bytes: exact, no case folding, no
-- trailing-space padding); 400 bytes hold any name of 100 characters. No existing table or column changes.
CREATE TABLE IF NOT EXISTS xf_feed_positions (
    follower   VARBINARY(400) NOT NULL,
    position   BIGINT         NOT NULL,
    updated_at TIMESTAMP      DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT xf_feed_positions_pk PRIMARY KEY (follower),
    CONSTRAINT xf_feed_positions_not_negative CHECK (position >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (5, 'V5__xinfang_schema.sql');
