package io.github.xinfang.examples.portal;

import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every {@code xinfang.schema.mode} the portal can run in, on the embedded PostgreSQL server, from a fresh database
 * and from one that another mode built (a copy of it per switch): the portal either works (it starts, its health shows
 * xinfang up, it registers a case over HTTP and reads the case the earlier mode registered) or refuses to start with
 * a message that says why. Mode {@code none} (the starter leaves the schema alone) refuses a fresh database, which
 * holds no xinfang schema at all, naming the property.
 */
class PortalSchemaModeTests {
    /** A database each building mode has built, with the case {@code S-1} registered: mode → JDBC URL. */
    private static final Map<String, String> BUILT = new ConcurrentHashMap<>();

    /** The portal, running in one schema mode (the profile "liquibase" for Liquibase) on one database. */
    private static final class Portal implements AutoCloseable {
        private final ConfigurableApplicationContext context;
        final Http clerk;

        Portal(String url, String mode) {
            // command-line arguments: they override application.yml (builder properties would not)
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url, "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN", "--xinfang.sweep.enabled=false"));
            SpringApplicationBuilder app = new SpringApplicationBuilder(PortalApplication.class);
            if (mode.equals("liquibase")) app.profiles("liquibase");
            else args.add("--xinfang.schema.mode=" + (mode.equals("liquibase-alone") ? "liquibase" : mode));
            context = app.run(args.toArray(String[]::new));
            clerk = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), "xfj-001");
        }

        /** Registers {@code caseId} over HTTP and checks the health: xinfang is up, at the store's schema version. */
        Portal works(String caseId) {
            People people = new People(caseId.hashCode());
            Http.Response registered = clerk.post("/cases/" + caseId + "?receipt=R-" + caseId,
                    People.petition("2026-03-02", people.summary("补偿"), people.next()));
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            Http.Response health = clerk.get("/actuator/health");
            JsonNode xinfang = health.json().path("components").path("xinfang");
            assertThat(xinfang.path("status").asString()).as(health.body()).isEqualTo("UP");
            assertThat(xinfang.path("details").path("schemaVersion").asInt()).isEqualTo(xinfang.path("details").path("schemaVersionExpected").asInt());
            return this;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** @return a database {@code mode} built from nothing, with the case S-1 (built once, on first use) */
    private static String builtBy(String mode) {
        return BUILT.computeIfAbsent(mode, m -> {
            String url = PortalDatabase.fresh();
            try (Portal portal = new Portal(url, m)) {
                portal.works("S-1");
            }
            return url;
        });
    }

    @ParameterizedTest(name = "{0} on a fresh database")
    @ValueSource(strings = {"library", "flyway", "liquibase"})
    void aFreshDatabaseWorksInEveryModeThatBringsTheTables(String mode) throws SQLException {
        String url = builtBy(mode);
        assertThat(tables(url)).as("the migration tool's own record").contains(switch (mode) {
            case "flyway" -> "xf_flyway_history";
            case "liquibase" -> "databasechangelog";
            default -> "xf_schema_version";
        });
        try (Portal portal = new Portal(PortalDatabase.copyOf(url), mode)) {
            assertThat(portal.clerk.get("/cases/S-1").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{1} on a database {0} built")
    @CsvSource({
            "library, library", "library, flyway", "library, liquibase", "library, validate", "library, none",
            "flyway, library", "flyway, flyway", "flyway, liquibase", "flyway, validate", "flyway, none",
            "liquibase, library", "liquibase, flyway", "liquibase, liquibase", "liquibase, validate", "liquibase, none"})
    void aDatabaseAnotherModeBuiltWorks(String builtBy, String mode) throws SQLException {
        String url = PortalDatabase.copyOf(builtBy(builtBy));
        try (Portal portal = new Portal(url, mode)) {
            Http.Response earlier = portal.clerk.get("/cases/S-1");
            assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);
            assertThat(PortalTests.types(earlier.json())).startsWith("case.registered");
            portal.works("S-2");
        }
        if (mode.equals("flyway")) assertThat(tables(url)).as("adopted by Flyway").contains("xf_flyway_history");
        if (mode.equals("liquibase")) assertThat(tables(url)).as("adopted by Liquibase").contains("databasechangelog");
    }

    @ParameterizedTest(name = "{0} on a fresh database")
    @ValueSource(strings = {"validate", "liquibase-alone"})
    void aFreshDatabaseInAModeThatOnlyChecksRefusesToStartSayingWhy(String mode) throws SQLException {
        assertRefusesAFreshDatabase(mode, message -> message
                .containsPattern("no xinfang schema found \\(no xf_schema_version table\\), this library needs \\d+"));
    }

    @Test
    void aFreshDatabaseInModeNoneRefusesToStartNamingTheProperty() throws SQLException {
        assertRefusesAFreshDatabase("none", message -> message
                .startsWith("xinfang.schema.mode=none: no xinfang schema found in the database"));
    }

    /**
     * Starts the portal in {@code mode} on a fresh database: it must refuse to start, with a root cause whose message
     * {@code rootMessage} checks, and create no table of xinfang's.
     */
    private static void assertRefusesAFreshDatabase(String mode, Consumer<AbstractStringAssert<?>> rootMessage) throws SQLException {
        String url = PortalDatabase.fresh();
        Throwable refused = catchThrowable(() -> new Portal(url, mode).close());
        assertThat(refused).as("the portal started").isNotNull();
        Throwable cause = refused;
        while (cause.getCause() != null) cause = cause.getCause();
        rootMessage.accept(assertThat(cause.getMessage()).as(messages(refused).toString()));
        assertThat(tables(url)).as("nothing was created").doesNotContain("xf_schema_version", "xf_case");
    }

    /** @return the tables of the database's current schema */
    private static List<String> tables(String url) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = PortalDatabase.connect(url); ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
        }
        return tables;
    }

    private static List<String> messages(Throwable t) {
        List<String> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) out.add(c.getClass().getSimpleName() + ": " + c.getMessage());
        return out;
    }
}
