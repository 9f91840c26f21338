-- xinfang JDBC adapter, schema version 4, H2 2.x (REGULAR mode): the overdue queries (OverdueQuery, rules O1 to O6).
-- Self-contained: one new child table of xf_case and three new indexes; no existing table or column changes.
--
-- Rows written at version 3 or earlier have no clock rows, so they are not overdue to these queries until their next
-- commit or index-row replacement: run CaseService.reindex() once after migrating (it goes through
-- IndexMaintenance.replaceIndexRow, which writes the clock rows).

-- IndexRow.clockDues(): one row per open duty clock or duty of a case (clock: HANDLING, PLAN_STEP:2.3, ...), with the
-- instant it becomes overdue, DECIMAL(38,9) like every instant. Replaced with the case's other child rows on every
-- commit and index-row replacement.
CREATE TABLE xf_case_clock (
    case_id VARCHAR(512) NOT NULL,
    clock   VARCHAR(512) NOT NULL,
    due_at  DECIMAL(38,9)          NOT NULL,
    CONSTRAINT xf_case_clock_pk PRIMARY KEY (case_id, clock)
);

-- Overdue clocks across all cases (due_at <= ?), and the overdue test of one case: the primary key's case_id prefix.
CREATE INDEX xf_case_clock_by_due ON xf_case_clock (due_at, case_id);

-- overdue(handlingUnit): WHERE handling_unit = ? AND case_id > ? ORDER BY case_id LIMIT ?, EXISTS a late clock.
CREATE INDEX xf_case_by_handling_unit ON xf_case (handling_unit, case_id);

-- overdue(regionPrefix): WHERE region_code LIKE '4508%'.
CREATE INDEX xf_case_by_region ON xf_case (region_code, case_id);

-- overdue(activeLeader) ranges over xf_case_by_leader (active_leader, case_id), created at version 2.
