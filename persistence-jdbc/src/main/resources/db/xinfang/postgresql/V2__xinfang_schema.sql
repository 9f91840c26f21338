-- xinfang JDBC adapter, schema version 2, PostgreSQL: the resolution track's queries.
-- Rows written at version 1 keep earliest_due_at NULL (not overdue) until their next commit or index-row
-- replacement (CaseService.reindex()) fills it. Adding a nullable column without a default rewrites no rows, but
-- its ACCESS EXCLUSIVE lock on xf_case lasts to the end of the migration's transaction, so reads and commits wait
-- while the indexes are built. For a large table, add the column and build the indexes beforehand (CREATE INDEX
-- CONCURRENTLY, same names and definitions), then apply this script: IF NOT EXISTS makes it skip them.

-- The earliest due instant among the case's open duty clocks and duties, as NUMERIC(38,9) like every instant.
ALTER TABLE xf_case ADD COLUMN IF NOT EXISTS earliest_due_at NUMERIC(38,9);

-- byActiveLeader: WHERE active_leader = ? AND case_id > ? ORDER BY case_id LIMIT ? (case_id is COLLATE "C").
-- Partial: only cases with an active package leader.
CREATE INDEX IF NOT EXISTS xf_case_by_leader ON xf_case (active_leader, case_id) WHERE active_leader IS NOT NULL;

-- workload: the leader's range of this index holds both counts (all of it: active; earliest_due_at <= ?: overdue).
CREATE INDEX IF NOT EXISTS xf_case_leader_due ON xf_case (active_leader, earliest_due_at) WHERE active_leader IS NOT NULL;

-- byLeadUnit: WHERE lead_unit = ? AND case_id > ? ORDER BY case_id LIMIT ?
CREATE INDEX IF NOT EXISTS xf_case_by_lead_unit ON xf_case (lead_unit, case_id) WHERE lead_unit IS NOT NULL;

-- byBatch ranges over xf_case_batch_by_batch (batch_id, case_id), created at version 1.

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (2, 'V2__xinfang_schema.sql');
