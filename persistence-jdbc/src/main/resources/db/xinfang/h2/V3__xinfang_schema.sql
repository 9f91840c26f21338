-- xinfang JDBC adapter, schema version 3, H2 2.x (REGULAR mode): payloads leave large objects.
-- Versions 1 and 2 kept payloads as CLOB. H2 keeps a CLOB of more than 256 bytes in its separate
-- large-object store, and a row whose CLOB is replaced by concurrent commits can end up pointing at a large object
-- H2 has already removed: every read of the row then fails with a NullPointerException in LobStorageMap.copyLob
-- ("Cannot read field streamStoreId"), so the case cannot be loaded any more (h2database issues 1808, 2322, 3445).
-- The snapshot column is replaced by every commit, so it was exposed. CHARACTER VARYING is stored in the row itself.
--
-- The bound, 16,777,216 characters, is four times the largest document core's codec writes or reads
-- (CaseCodec.MAX_DOCUMENT_LENGTH, 4,194,304 characters); H2 allows up to 1,000,000,000.
--
-- JdbcCaseStore.migrate() first reads every snapshot: one that cannot be read (or is missing) is rebuilt from the
-- case's events by JdbcCaseStore.migrate(SnapshotRebuilder) and written in place, or, without a rebuilder, the
-- migration stops before changing anything. Applying this script with your own tool to a damaged database fails
-- at the first statement with that NullPointerException and leaves the table as it was (H2 copies the table to
-- convert it): run JdbcCaseStore.repairSnapshots(SnapshotRebuilder) first. Each statement copies its table.

ALTER TABLE xf_case ALTER COLUMN snapshot_payload SET DATA TYPE CHARACTER VARYING(16777216);

ALTER TABLE xf_event ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING(16777216);

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (3, 'V3__xinfang_schema.sql');
