-- xinfang JDBC adapter, schema version 6, MySQL and MariaDB: cluster warnings (类案预警).
-- A petition's subject tags (IndexRow.subjectTags(): a housing estate, an employer, a project) and the day of a case's
-- latest petition (IndexRow.lastPetitionOn()) become index columns, for the cluster query (ClusterQuery, rules C1 to
-- C5); the warnings raised are kept in a table of their own (ClusterWarnings, rules K1 to K5).
-- Rows written at version 5 or earlier have no tags and no latest petition day: no petition had tags before, so none
-- of those cases is a candidate, and each gets its columns on its next commit (or CaseService.reindex()).
-- New: one nullable column of xf_case (InnoDB adds it instantly), one child table, one table, and their indexes; no
-- existing column changes. Tags, ids and clusters are VARBINARY like every compared text column (exact, no case
-- folding, no trailing-space padding); 1600 bytes hold any cluster key of 400 characters.
ALTER TABLE xf_case ADD COLUMN last_petition_on DATE;

CREATE TABLE IF NOT EXISTS xf_case_tag (
    case_id VARBINARY(1536) NOT NULL,
    tag     VARBINARY(1536) NOT NULL,
    CONSTRAINT xf_case_tag_pk PRIMARY KEY (case_id, tag)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX xf_case_tag_by_tag ON xf_case_tag (tag, case_id);

CREATE INDEX xf_case_last_petition ON xf_case (last_petition_on, case_id);

CREATE TABLE IF NOT EXISTS xf_cluster_warning (
    id            VARBINARY(1700) NOT NULL,
    cluster       VARBINARY(1600) NOT NULL,
    level         INTEGER         NOT NULL,
    region_prefix VARBINARY(6)    NOT NULL,
    raised_at     DECIMAL(38,9)   NOT NULL,
    payload       LONGTEXT        NOT NULL,
    CONSTRAINT xf_cluster_warning_pk PRIMARY KEY (id),
    CONSTRAINT xf_cluster_warning_level CHECK (level >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX xf_cluster_warning_by_cluster ON xf_cluster_warning (cluster, level);

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (6, 'V6__xinfang_schema.sql');
