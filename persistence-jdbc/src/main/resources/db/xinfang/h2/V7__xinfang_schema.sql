-- xinfang JDBC adapter, schema version 7, H2 2.x (REGULAR mode): the tamper-evident history and the access audit trail.
-- Each event's chain link (rule S9 of CaseStore; the format is docs/event-chain.md): a digest over the event as stored,
-- its commit's idempotency key and the link of the case's previous event, computed by the case service and stored as
-- given (lowercase hex; 64 characters for SHA-256 and SM3).
-- Events written at version 6 or earlier have no link: JdbcCaseStore.linkHistories(chain) links them without touching
-- the events; until then they verify as unchained.
-- The access audit trail (AccessAudit, rules A1 to A5): every read, export and refused attempt on a case, numbered and
-- chained per case like the events; xf_audit_head keeps each case's last number and link, so a purge of old records
-- (retention, at least six months) never renumbers or relinks the trail.
-- New: one nullable column of xf_event, two tables and their indexes; no existing column changes.
ALTER TABLE xf_event ADD COLUMN IF NOT EXISTS chain_link VARCHAR(128);

CREATE TABLE IF NOT EXISTS xf_audit (
    case_id       VARCHAR(512) NOT NULL,
    sequence      BIGINT        NOT NULL,
    actor         VARCHAR(256) NOT NULL,
    action        VARCHAR(16)   NOT NULL,
    outcome       VARCHAR(16)   NOT NULL,
    recorded_at   DECIMAL(38,9) NOT NULL,
    previous_link VARCHAR(128),
    link          VARCHAR(128)  NOT NULL,
    CONSTRAINT xf_audit_pk PRIMARY KEY (case_id, sequence)
);

CREATE INDEX IF NOT EXISTS xf_audit_by_actor ON xf_audit (actor, case_id, sequence);

CREATE INDEX IF NOT EXISTS xf_audit_by_instant ON xf_audit (recorded_at);

CREATE TABLE IF NOT EXISTS xf_audit_head (
    case_id       VARCHAR(512) NOT NULL,
    last_sequence BIGINT        NOT NULL,
    last_link     VARCHAR(128)  NOT NULL,
    CONSTRAINT xf_audit_head_pk PRIMARY KEY (case_id)
);

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (7, 'V7__xinfang_schema.sql');
