-- xinfang JDBC adapter, schema version 3, MySQL and MariaDB: nothing to change.
-- Version 3 moves H2's payload columns from CLOB to CHARACTER VARYING (see h2/V3__xinfang_schema.sql). On MySQL the payloads
-- have been LONGTEXT since version 1, an ordinary column value (InnoDB keeps a long one off-page, owned by the row's
-- version), with none of H2's separate large-object store. This script changes nothing but records version 3, so that every
-- dialect is at version 3. JdbcCaseStore.migrate() still reads every snapshot once when it applies this version (a missing one
-- is rebuilt by JdbcCaseStore.migrate(SnapshotRebuilder)).

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (3, 'V3__xinfang_schema.sql');
