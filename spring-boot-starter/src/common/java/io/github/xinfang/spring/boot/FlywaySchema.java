package io.github.xinfang.spring.boot;

import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;

/**
 * xinfang's own Flyway: its scripts ({@code db/xinfang/<dialect>}) with their history in {@code xf_flyway_history}, so
 * they never mix with the application's, baselined at the version the database already records (0 on a new one).
 * Loaded only when {@code xinfang.schema.mode=flyway}.
 */
final class FlywaySchema {
    private FlywaySchema() {}

    static void migrate(JdbcCaseStore store, DataSource dataSource, String schema) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(dataSource)
                .locations(store.dialect().flywayLocation())
                .table("xf_flyway_history")
                .baselineOnMigrate(true)
                .baselineVersion(String.valueOf(store.schemaVersion()));
        if (schema != null && !schema.isBlank()) configuration.defaultSchema(schema).schemas(schema).createSchemas(false);
        configuration.load().migrate();
    }
}
