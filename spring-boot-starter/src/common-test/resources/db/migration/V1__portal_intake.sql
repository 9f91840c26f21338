-- A portal's own Flyway migration, in the default location: the starter's store must be built after it has run.
CREATE TABLE portal_intake (id VARCHAR(64) PRIMARY KEY, received_on DATE NOT NULL);
