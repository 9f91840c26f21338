-- xinfang JDBC adapter, schema version 2, MySQL and MariaDB: the resolution track's queries.
-- Rows written at version 1 keep earliest_due_at NULL (not overdue) until their next commit or index-row
-- replacement (CaseService.reindex()) fills it. No IF NOT EXISTS: MariaDB has it for columns and indexes, MySQL 8 has
-- not. Each statement commits by itself; InnoDB adds the column and builds the indexes online (reads and commits go on).

-- The earliest due instant among the case's open duty clocks and duties, as DECIMAL(38,9) like every instant.
ALTER TABLE xf_case ADD COLUMN earliest_due_at DECIMAL(38,9);

-- byActiveLeader: WHERE active_leader = ? AND case_id > ? ORDER BY case_id LIMIT ? (both VARBINARY: byte order).
-- No partial indexes in MySQL: a plain one.
CREATE INDEX xf_case_by_leader ON xf_case (active_leader, case_id);

-- workload: the leader's range of this index holds both counts (all of it: active; earliest_due_at <= ?: overdue).
CREATE INDEX xf_case_leader_due ON xf_case (active_leader, earliest_due_at);

-- byLeadUnit: WHERE lead_unit = ? AND case_id > ? ORDER BY case_id LIMIT ?
CREATE INDEX xf_case_by_lead_unit ON xf_case (lead_unit, case_id);

-- byBatch ranges over xf_case_batch_by_batch (batch_id, case_id), created at version 1.

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (2, 'V2__xinfang_schema.sql');
