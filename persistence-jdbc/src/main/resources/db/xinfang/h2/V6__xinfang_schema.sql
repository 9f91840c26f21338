-- xinfang JDBC adapter, schema version 6, H2 2.x (REGULAR mode): cluster warnings (类案预警).
-- A petition's subject tags (IndexRow.subjectTags(): a housing estate, an employer, a project) and the day of a case's
-- latest petition (IndexRow.lastPetitionOn()) become index columns, for the cluster query (ClusterQuery, rules C1 to
-- C5); the warnings raised are kept in a table of their own (ClusterWarnings, rules K1 to K5).
-- Rows written at version 5 or earlier have no tags and no latest petition day: no petition had tags before, so none
-- of those cases is a candidate, and each gets its columns on its next commit (or CaseService.reindex()).
-- New: one nullable column of xf_case, one child table, one table, and their indexes; no existing column changes.
ALTER TABLE xf_case ADD COLUMN IF NOT EXISTS last_petition_on DATE;

-- The cluster query ranges over the tagged cases only: one row per tag of a case, replaced with the case's other child
-- rows on every commit and index-row replacement.
CREATE TABLE IF NOT EXISTS xf_case_tag (
    case_id VARCHAR(512) NOT NULL,
    tag     VARCHAR(512) NOT NULL,
    CONSTRAINT xf_case_tag_pk PRIMARY KEY (case_id, tag)
);

CREATE INDEX IF NOT EXISTS xf_case_tag_by_tag ON xf_case_tag (tag, case_id);

CREATE INDEX IF NOT EXISTS xf_case_last_petition ON xf_case (last_petition_on, case_id);

-- One row per warning raised: its id is its cluster and level, so a warning is recorded once whatever races it.
CREATE TABLE IF NOT EXISTS xf_cluster_warning (
    id            VARCHAR(512)  NOT NULL,
    cluster       VARCHAR(512)  NOT NULL,
    level         INTEGER       NOT NULL,
    region_prefix VARCHAR(6)    NOT NULL,
    raised_at     DECIMAL(38,9) NOT NULL,
    payload       CHARACTER VARYING(16777216) NOT NULL,
    CONSTRAINT xf_cluster_warning_pk PRIMARY KEY (id),
    CONSTRAINT xf_cluster_warning_level CHECK (level >= 1)
);

CREATE INDEX IF NOT EXISTS xf_cluster_warning_by_cluster ON xf_cluster_warning (cluster, level);

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (6, 'V6__xinfang_schema.sql');
