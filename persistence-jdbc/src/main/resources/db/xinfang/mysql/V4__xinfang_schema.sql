-- xinfang JDBC adapter, schema version 4, MySQL and MariaDB: change-feed positions handed out after commit.
-- Up to version 3 every commit took the next position from xf_feed_counter as its last statement, and so held that
-- row's lock until it ended. Inside a caller's transaction (the participating mode) that lock would be held for as
-- long as the caller's transaction stays open, and every other commit would wait for it. From version 4 a commit
-- appends an unnumbered row here instead, and the feed's reader moves committed rows to xf_change in id order,
-- numbering them under xf_feed_counter's lock in a short transaction of its own. Ids must grow in the order the rows
-- are inserted, so that a commit acknowledged before another began is numbered first, and the commits of one case
-- (serialised by the case row's lock) are numbered in version order.
--
-- The id is an AUTO_INCREMENT column. InnoDB hands out the ids of a single-row INSERT ... VALUES (a "simple insert",
-- the only kind the store issues here) under a short in-memory lock released at once, never held to the end of the
-- transaction, in every innodb_autoinc_lock_mode (0 traditional, 1 consecutive, 2 interleaved: the MySQL 8 default;
-- MariaDB's is 1); the modes differ only for bulk inserts (INSERT ... SELECT, LOAD DATA), which the store never runs
-- against this table. So on one server the ids grow in insert order; rolled-back inserts leave gaps, which the reader
-- does not mind. Do not set auto_increment_increment or auto_increment_offset to interleave several writers (Galera,
-- multi-source replication); on TiDB use AUTO_ID_CACHE=1 (see the module's README).
CREATE TABLE IF NOT EXISTS xf_change_pending (
    id             BIGINT          NOT NULL AUTO_INCREMENT,
    case_id        VARBINARY(1536) NOT NULL,
    version        BIGINT          NOT NULL,
    first_sequence BIGINT          NOT NULL,
    last_sequence  BIGINT          NOT NULL,
    CONSTRAINT xf_change_pending_pk PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Part 2 of schema version 4, MySQL and MariaDB: the overdue queries (OverdueQuery, rules O1 to O6).
-- One new child table of xf_case and three new indexes; no existing table or column changes.
--
-- Rows written at version 3 or earlier have no clock rows, so they are not overdue to these queries until their next
-- commit or index-row replacement: run CaseService.reindex() once after migrating (it goes through
-- IndexMaintenance.replaceIndexRow, which writes the clock rows). InnoDB builds the two xf_case indexes online.

-- IndexRow.clockDues(): one row per open duty clock or duty of a case (clock: HANDLING, PLAN_STEP:2.3, ...), with the
-- instant it becomes overdue, DECIMAL(38,9) like every instant. Replaced with the case's other child rows on every
-- commit and index-row replacement.
CREATE TABLE IF NOT EXISTS xf_case_clock (
    case_id VARBINARY(1536) NOT NULL,
    clock   VARBINARY(1536) NOT NULL,
    due_at  DECIMAL(38,9)   NOT NULL,
    CONSTRAINT xf_case_clock_pk PRIMARY KEY (case_id, clock)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Overdue clocks across all cases (due_at <= ?), and the overdue test of one case: the primary key's case_id prefix.
CREATE INDEX xf_case_clock_by_due ON xf_case_clock (due_at, case_id);

-- overdue(handlingUnit): WHERE handling_unit = ? AND case_id > ? ORDER BY case_id LIMIT ?, EXISTS a late clock.
CREATE INDEX xf_case_by_handling_unit ON xf_case (handling_unit, case_id);

-- overdue(regionPrefix): WHERE region_code LIKE '4508%' (region_code is VARBINARY, so a prefix LIKE ranges over it).
CREATE INDEX xf_case_by_region ON xf_case (region_code, case_id);

-- overdue(activeLeader) ranges over xf_case_by_leader (active_leader, case_id), created at version 2.

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (4, 'V4__xinfang_schema.sql');
