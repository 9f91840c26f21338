-- A portal's own first migration, in the portal's own Flyway location and history table (flyway_schema_history).
CREATE TABLE portal_intake (
    id      BIGINT       NOT NULL,
    case_id VARCHAR(512) NOT NULL,
    CONSTRAINT portal_intake_pk PRIMARY KEY (id)
);
