package io.github.xinfang.spring.boot;

import io.github.xinfang.persistence.jdbc.JdbcCaseStore;

import javax.sql.DataSource;

/** Brings or checks xinfang's tables as {@code xinfang.schema.mode} says, when the store is built. */
final class SchemaSetup {
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
            case LIQUIBASE, VALIDATE -> store.validate();
            case NONE -> { }
            default -> throw new AssertionError("unhandled schema mode " + schema.getMode());
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
