-- xinfang JDBC adapter, schema version 3, PostgreSQL: nothing to change.
-- Version 3 moves H2's payload columns from CLOB to CHARACTER VARYING (see h2/V3__schema.sql). On PostgreSQL the
-- payloads have been TEXT since version 1: an ordinary value, stored in the row or, when long, in the table's
-- TOAST relation, and never a large object (pg_largeobject), so concurrent commits cannot leave a row pointing
-- at a removed value. This script changes nothing but records version 3, so that both dialects are at version 3.
-- JdbcCaseStore.migrate() still reads every snapshot once when it applies this version (a missing one is rebuilt
-- by JdbcCaseStore.migrate(SnapshotRebuilder)), inside the migration's transaction.

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (3, 'V3__xinfang_schema.sql');
