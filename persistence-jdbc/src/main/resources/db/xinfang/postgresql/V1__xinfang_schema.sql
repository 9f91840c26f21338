-- xinfang JDBC adapter, schema version 1, PostgreSQL (10 or later; also KingbaseES and openGauss in PostgreSQL mode).
-- Identifiers use COLLATE "C" so ORDER BY case_id is code-point order whatever the database's locale.
-- Instants are NUMERIC(38,9): epoch seconds with the nanoseconds as the fraction, exact for every java.time.Instant.
-- Payloads are TEXT (never jsonb, which reorders keys and drops whitespace): returned byte for byte.

-- The version record every path reads and writes: JdbcCaseStore.migrate(), Flyway, Liquibase and a script run by hand.
-- Each script ends by recording its own version, so a database migrated one way can be migrated on another.
CREATE TABLE IF NOT EXISTS xf_schema_version (
    version    INTEGER      NOT NULL,
    script     VARCHAR(200) NOT NULL,
    applied_at TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT xf_schema_version_pk PRIMARY KEY (version)
);

CREATE TABLE xf_case (
    case_id                 VARCHAR(512) COLLATE "C" NOT NULL,
    version                 BIGINT        NOT NULL,
    last_sequence           BIGINT        NOT NULL,
    index_schema_version    INTEGER       NOT NULL,
    stage                   VARCHAR(512)  NOT NULL,
    region_code             VARCHAR(512) COLLATE "C" NOT NULL,
    handling_unit           VARCHAR(512),
    next_attention_at       NUMERIC(38,9),
    track_state             VARCHAR(512),
    active_leader           VARCHAR(512),
    lead_unit               VARCHAR(512),
    snapshot_version        BIGINT        NOT NULL,
    snapshot_schema_version INTEGER       NOT NULL,
    snapshot_payload        TEXT          NOT NULL,
    CONSTRAINT xf_case_pk PRIMARY KEY (case_id)
);

-- Open cases only: the attention query and the deadline sweep's claims range over this index.
CREATE INDEX xf_case_attention ON xf_case (next_attention_at, case_id) WHERE next_attention_at IS NOT NULL;

CREATE TABLE xf_event (
    case_id        VARCHAR(512) COLLATE "C" NOT NULL,
    sequence       BIGINT        NOT NULL,
    commit_version BIGINT        NOT NULL,
    type           VARCHAR(512)  NOT NULL,
    schema_version INTEGER       NOT NULL,
    payload        TEXT          NOT NULL,
    recorded_at    NUMERIC(38,9) NOT NULL,
    CONSTRAINT xf_event_pk PRIMARY KEY (case_id, sequence)
);

CREATE TABLE xf_commit (
    case_id         VARCHAR(512) COLLATE "C" NOT NULL,
    version         BIGINT        NOT NULL,
    idempotency_key VARCHAR(512) COLLATE "C" NOT NULL,
    command_digest  VARCHAR(512)  NOT NULL,
    first_sequence  BIGINT        NOT NULL,
    last_sequence   BIGINT        NOT NULL,
    CONSTRAINT xf_commit_pk PRIMARY KEY (case_id, version),
    CONSTRAINT xf_commit_key_uq UNIQUE (case_id, idempotency_key)
);

CREATE TABLE xf_case_unit (
    case_id VARCHAR(512) COLLATE "C" NOT NULL,
    unit_id VARCHAR(512) COLLATE "C" NOT NULL,
    CONSTRAINT xf_case_unit_pk PRIMARY KEY (case_id, unit_id)
);

-- The unit filter of the attention query: cases a unit is involved in.
CREATE INDEX xf_case_unit_by_unit ON xf_case_unit (unit_id, case_id);

CREATE TABLE xf_case_batch (
    case_id  VARCHAR(512) COLLATE "C" NOT NULL,
    batch_id VARCHAR(512) COLLATE "C" NOT NULL,
    CONSTRAINT xf_case_batch_pk PRIMARY KEY (case_id, batch_id)
);

CREATE INDEX xf_case_batch_by_batch ON xf_case_batch (batch_id, case_id);

CREATE TABLE xf_change (
    position       BIGINT       NOT NULL,
    case_id        VARCHAR(512) COLLATE "C" NOT NULL,
    version        BIGINT       NOT NULL,
    first_sequence BIGINT       NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    CONSTRAINT xf_change_pk PRIMARY KEY (position),
    CONSTRAINT xf_change_case_uq UNIQUE (case_id, version)
);

-- One row: the last change-feed position handed out. Updated as the last statement of every commit.
CREATE TABLE xf_feed_counter (
    id            INTEGER NOT NULL,
    last_position BIGINT  NOT NULL,
    CONSTRAINT xf_feed_counter_pk PRIMARY KEY (id),
    CONSTRAINT xf_feed_counter_one_row CHECK (id = 1)
);

INSERT INTO xf_feed_counter (id, last_position) VALUES (1, 0);

-- One row per case, created with the case; owner and leased_until are null when no lease was ever taken.
CREATE TABLE xf_claim (
    case_id      VARCHAR(512) COLLATE "C" NOT NULL,
    owner        VARCHAR(512),
    leased_until NUMERIC(38,9),
    CONSTRAINT xf_claim_pk PRIMARY KEY (case_id)
);

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (1, 'V1__xinfang_schema.sql');
