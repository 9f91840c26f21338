package io.github.xinfang.spring.boot;

import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.TransientStoreException;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Brings or checks xinfang's tables as {@code xinfang.schema.mode} says, when the store is built: every mode either
 * leaves a schema the store can use or refuses to start, naming the property. {@code none} changes nothing and refuses
 * only a database without any xinfang schema (a version that differs is logged and shown by the health indicator).
 */
final class SchemaSetup {
    private static final Logger log = LoggerFactory.getLogger(SchemaSetup.class);
    private static final String FLYWAY = "org.flywaydb.core.Flyway";

    private SchemaSetup() {}

    static void apply(XinfangProperties.Schema schema, JdbcCaseStore store, DataSource dataSource) {
        switch (schema.getMode()) {
            case LIBRARY -> store.migrate();
            case FLYWAY -> {
                if (!present(FLYWAY)) {
                    throw new IllegalStateException("xinfang.schema.mode=flyway needs Flyway (org.flywaydb:flyway-core) on the classpath");
                }
                FlywaySchema.migrate(store, dataSource, schema.getName());
                store.validate();
            }
            case LIQUIBASE, VALIDATE -> validate(store, schema.getMode());
            case NONE -> {
                int found = store.schemaVersion();
                if (found == 0) {
                    throw new StoreException("xinfang.schema.mode=none: no xinfang schema found in the database (no"
                            + " xf_schema_version table), this library needs " + JdbcCaseStore.SCHEMA_VERSION + "; set"
                            + " xinfang.schema.mode=library (or flyway, liquibase) to create it, or apply the scripts under"
                            + " db/xinfang/ before starting");
                }
                if (found != JdbcCaseStore.SCHEMA_VERSION) {
                    log.warn("xinfang.schema.mode=none: the database holds xinfang schema {}, this library needs {};"
                            + " nothing is changed (the health indicator is down until they agree)", found, JdbcCaseStore.SCHEMA_VERSION);
                }
            }
            default -> throw new AssertionError("unhandled schema mode " + schema.getMode());
        }
    }

    /** Checks the version, naming the property in the refusal: a Boot user sets it rather than calling migrate(). */
    private static void validate(JdbcCaseStore store, XinfangProperties.SchemaMode mode) {
        try {
            store.validate();
        } catch (TransientStoreException e) {
            throw e;
        } catch (StoreException e) {
            throw new StoreException("xinfang.schema.mode=" + mode.name().toLowerCase(java.util.Locale.ROOT) + ": "
                    + e.getMessage() + " (or set xinfang.schema.mode=library to let the library migrate)", e);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SchemaSetup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
