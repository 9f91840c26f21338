-- The portal's own tables (run by Spring's SQL initialisation before the xinfang store starts). xinfang's tables are
-- the starter's business: see xinfang.schema.mode.
CREATE TABLE IF NOT EXISTS portal_receipt (
    id BIGSERIAL PRIMARY KEY,
    receipt_no VARCHAR(64) NOT NULL UNIQUE,
    case_id VARCHAR(128) NOT NULL
);
CREATE TABLE IF NOT EXISTS portal_case_log (
    id BIGSERIAL PRIMARY KEY,
    position BIGINT NOT NULL UNIQUE,
    case_id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    events VARCHAR(4000) NOT NULL
);
