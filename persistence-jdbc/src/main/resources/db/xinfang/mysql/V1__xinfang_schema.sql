-- xinfang JDBC adapter, schema version 1, MySQL (8.0 or later) and MariaDB (10.11 or later), InnoDB tables.
-- Ids and every other compared text column are VARBINARY(1536): the UTF-8 bytes of the string (the drivers send and
-- read utf8mb4), so equality is exact and ORDER BY case_id is byte order, which for UTF-8 is code-point order, like
-- PostgreSQL's COLLATE "C". Not VARCHAR with a collation: utf8mb4_bin pads trailing spaces ('a' = 'a '), the default
-- collations also fold case, and the NO PAD binary collations differ between MySQL (utf8mb4_0900_bin) and MariaDB
-- (utf8mb4_nopad_bin). 1536 bytes hold any string of 512 UTF-16 chars (at most 3 bytes per char), as VARCHAR(512)
-- does elsewhere; two of them (3072 bytes) are exactly InnoDB's limit for one index key (DYNAMIC row format).
-- Instants are DECIMAL(38,9): epoch seconds with the nanoseconds as the fraction, exact for every java.time.Instant.
-- Payloads are LONGTEXT in utf8mb4 (never utf8mb3, which cannot hold supplementary characters, never JSON, which
-- reorders keys): returned byte for byte.
-- MySQL has no partial indexes: plain ones, as on H2.

-- The version record every path reads and writes: JdbcCaseStore.migrate(), Flyway, Liquibase and a script run by hand.
-- Each script ends by recording its own version, so a database migrated one way can be migrated on another.
CREATE TABLE IF NOT EXISTS xf_schema_version (
    version    INTEGER      NOT NULL,
    script     VARCHAR(200) NOT NULL,
    applied_at TIMESTAMP    DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT xf_schema_version_pk PRIMARY KEY (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE xf_case (
    case_id                 VARBINARY(1536) NOT NULL,
    version                 BIGINT          NOT NULL,
    last_sequence           BIGINT          NOT NULL,
    index_schema_version    INTEGER         NOT NULL,
    stage                   VARBINARY(1536) NOT NULL,
    region_code             VARBINARY(1536) NOT NULL,
    handling_unit           VARBINARY(1536),
    next_attention_at       DECIMAL(38,9),
    track_state             VARBINARY(1536),
    active_leader           VARBINARY(1536),
    lead_unit               VARBINARY(1536),
    snapshot_version        BIGINT          NOT NULL,
    snapshot_schema_version INTEGER         NOT NULL,
    snapshot_payload        LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT xf_case_pk PRIMARY KEY (case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The attention query and the deadline sweep's claims range over this index.
CREATE INDEX xf_case_attention ON xf_case (next_attention_at, case_id);

CREATE TABLE xf_event (
    case_id        VARBINARY(1536) NOT NULL,
    sequence       BIGINT          NOT NULL,
    commit_version BIGINT          NOT NULL,
    type           VARBINARY(1536) NOT NULL,
    schema_version INTEGER         NOT NULL,
    payload        LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    recorded_at    DECIMAL(38,9)   NOT NULL,
    CONSTRAINT xf_event_pk PRIMARY KEY (case_id, sequence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE xf_commit (
    case_id         VARBINARY(1536) NOT NULL,
    version         BIGINT          NOT NULL,
    idempotency_key VARBINARY(1536) NOT NULL,
    command_digest  VARBINARY(1536) NOT NULL,
    first_sequence  BIGINT          NOT NULL,
    last_sequence   BIGINT          NOT NULL,
    CONSTRAINT xf_commit_pk PRIMARY KEY (case_id, version),
    CONSTRAINT xf_commit_key_uq UNIQUE (case_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE xf_case_unit (
    case_id VARBINARY(1536) NOT NULL,
    unit_id VARBINARY(1536) NOT NULL,
    CONSTRAINT xf_case_unit_pk PRIMARY KEY (case_id, unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The unit filter of the attention query: cases a unit is involved in.
CREATE INDEX xf_case_unit_by_unit ON xf_case_unit (unit_id, case_id);

CREATE TABLE xf_case_batch (
    case_id  VARBINARY(1536) NOT NULL,
    batch_id VARBINARY(1536) NOT NULL,
    CONSTRAINT xf_case_batch_pk PRIMARY KEY (case_id, batch_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE INDEX xf_case_batch_by_batch ON xf_case_batch (batch_id, case_id);

CREATE TABLE xf_change (
    position       BIGINT          NOT NULL,
    case_id        VARBINARY(1536) NOT NULL,
    version        BIGINT          NOT NULL,
    first_sequence BIGINT          NOT NULL,
    last_sequence  BIGINT          NOT NULL,
    CONSTRAINT xf_change_pk PRIMARY KEY (position),
    CONSTRAINT xf_change_case_uq UNIQUE (case_id, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row: the last change-feed position handed out. Updated as the last statement of every commit.
CREATE TABLE xf_feed_counter (
    id            INTEGER NOT NULL,
    last_position BIGINT  NOT NULL,
    CONSTRAINT xf_feed_counter_pk PRIMARY KEY (id),
    CONSTRAINT xf_feed_counter_one_row CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

INSERT INTO xf_feed_counter (id, last_position) VALUES (1, 0);

-- One row per case, created with the case; owner and leased_until are null when no lease was ever taken.
CREATE TABLE xf_claim (
    case_id      VARBINARY(1536) NOT NULL,
    owner        VARBINARY(1536),
    leased_until DECIMAL(38,9),
    CONSTRAINT xf_claim_pk PRIMARY KEY (case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- This script's own record: the last statement, so a script that stops part way records nothing.
INSERT INTO xf_schema_version (version, script) VALUES (1, 'V1__xinfang_schema.sql');
