-- xinfang JDBC adapter, schema version 8, H2 2.x (REGULAR mode): the access scope's columns.
-- Who handles a case (IndexRow.accessUnits(), accessOfficials()) and whom it accuses (accusedUnits(),
-- accusedOfficials()) become index columns, so that a query evaluates an actor's AccessScope in SQL (rules Q4, O7, R8,
-- P6, C6) instead of filtering its results. One row per party, with its kind: U an access unit, O an access official,
-- X an accused unit, Y an accused official; replaced with the case's other child rows on every commit and index-row
-- replacement. Rows written at version 7 or earlier have none: recompute them (CaseService.reindex()) before serving
-- scoped queries, or a restricted actor sees only the cases of the regions it covers.
-- New: one child table and its index; no existing column changes.
CREATE TABLE IF NOT EXISTS xf_case_access (
    case_id  VARCHAR(512) NOT NULL,
    kind     CHAR(1)      NOT NULL,
    party_id VARCHAR(512) NOT NULL,
    CONSTRAINT xf_case_access_pk PRIMARY KEY (case_id, kind, party_id),
    CONSTRAINT xf_case_access_kind CHECK (kind IN ('U', 'O', 'X', 'Y'))
);

CREATE INDEX IF NOT EXISTS xf_case_access_by_party ON xf_case_access (kind, party_id, case_id);

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (8, 'V8__xinfang_schema.sql');
