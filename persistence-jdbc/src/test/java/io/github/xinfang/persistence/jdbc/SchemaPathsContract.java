package io.github.xinfang.persistence.jdbc;

import static io.github.xinfang.persistence.jdbc.Commits.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.StoreException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a portal applies xinfang's schema, from a fresh database and from one migrated another way: the library's
 * {@link JdbcCaseStore#migrate()}, a second Flyway (own location, own history table, baseline from the one version
 * record), Liquibase (xinfang's changelog included in the portal's), the scripts run as they are; tables another tool
 * built without a record adopted; a failed first script leaving nothing; the configured schema and the second-copy
 * trap. Every path ends in the same tables, columns and indexes as {@code migrate()} builds on a fresh database. One
 * subclass per database.
 */
abstract class SchemaPathsContract extends FreshDatabaseContract {

    /** How many nodes migrate at once (1 where the database's DDL commits itself and migrations are not locked). */
    private final int concurrentMigrators;

    SchemaPathsContract(TestDatabase.Kind kind, int concurrentMigrators) {
        super(kind);
        this.concurrentMigrators = concurrentMigrators;
    }

    /** A pool of four connections to the test's database. */
    DataSource pool;
    /** A store over {@link #pool} in its connections' current schema, not migrated (it reads nothing until used). */
    JdbcCaseStore store;

    @BeforeEach
    void openPool() {
        pool = db.pool(4);
        store = JdbcCaseStore.create(pool, db.dialect());
    }

    @Test
    void aSecondFlywayBuildsWhatMigrateBuildsBesideThePortalsOwnFlywayAndMigrateThenChangesNothing() throws SQLException {
        portalFlyway(pool).migrate();

        MigrateResult result = xinfangFlyway(pool, store).migrate();

        assertThat(result.migrationsExecuted).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertThat(store.schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertThat(store.validate()).isSameAs(store);
        assertThat(structure(pool)).isEqualTo(structureMigrateBuilds());
        assertThat(tableExists(pool, "portal_intake")).as("the portal's own table, by its own Flyway").isTrue();
        assertThat(store.migrate(JdbcMigrationContract.UNUSED))
                .isEqualTo(new MigrationReport(JdbcCaseStore.SCHEMA_VERSION, JdbcCaseStore.SCHEMA_VERSION, List.of()));
        assertTakesCommits(store);
        assertThat(portalFlyway(pool).migrate().migrationsExecuted).as("the portal's Flyway, run again").isZero();
        assertThat(xinfangFlyway(pool, store).migrate().migrationsExecuted).isZero();
    }

    @Test
    void theReadmesFlywayConfigurationMigratesAFreshDatabaseAndOneMigrateBuilt() throws SQLException {
        ReadmeSnippetsTests.flyway(pool, store);
        assertThat(structure(pool)).isEqualTo(structureMigrateBuilds());

        try (TestDatabase other = TestDatabase.open(kind())) {
            DataSource otherPool = other.pool(2);
            JdbcCaseStore migrated = JdbcCaseStore.create(otherPool, other.dialect()).migrate();
            ReadmeSnippetsTests.flyway(otherPool, migrated);
            assertThat(count(otherPool, "SELECT COUNT(*) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        }
    }

    @Test
    void aSecondFlywayOverADatabaseMigrateBuiltAppliesOnlyTheVersionsItLacks() throws SQLException {
        portalFlyway(pool).migrate();
        SchemaMigrator.migrate(pool, db.dialect(), 2);

        MigrateResult result = xinfangFlyway(pool, store).migrate();

        assertThat(result.migrationsExecuted).as("versions 3 to %d only", JdbcCaseStore.SCHEMA_VERSION).isEqualTo(JdbcCaseStore.SCHEMA_VERSION - 2);
        assertBuiltAsMigrateBuilds();
        assertThat(xinfangFlyway(pool, store).migrate().migrationsExecuted).isZero();
        assertTakesCommits(store);
    }

    @Test
    void liquibaseBuildsWhatMigrateBuildsFromThePortalsChangelogAndMigrateThenChangesNothing() throws Exception {

        liquibaseUpdate(pool);

        assertBuiltAsMigrateBuilds();
        assertThat(tableExists(pool, "portal_intake")).isTrue();
        assertThat(store.migrate(JdbcMigrationContract.UNUSED).fromVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        liquibaseUpdate(pool);   // again: every changeSet ran
        assertThat(count(pool, "SELECT COUNT(*) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertTakesCommits(store);
    }

    @Test
    void liquibaseOverADatabaseMigrateBuiltMarksItsVersionsRanAndAppliesTheRest() throws Exception {
        SchemaMigrator.migrate(pool, db.dialect(), 2);

        liquibaseUpdate(pool);

        assertBuiltAsMigrateBuilds();
        assertThat(count(pool, "SELECT COUNT(*) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertTakesCommits(store);
    }

    @Test
    void theScriptsRunAsTheyAreByAnyClientAndRecordTheirVersion() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (int v = 1; v <= JdbcCaseStore.SCHEMA_VERSION; v++) {
                for (String sql : db.dialect().migrationStatements(v)) s.execute(sql);
                assertThat(store.schemaVersion()).isEqualTo(v);
            }
        }
        assertThat(store.validate()).isSameAs(store);
        assertThat(structure(pool)).isEqualTo(structureMigrateBuilds());
        assertThat(store.migrate(JdbcMigrationContract.UNUSED).fromVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
    }

    @Test
    void tablesBuiltWithoutAVersionRecordAreAdoptedAtTheirVersionAndBroughtUpToDate() throws SQLException {
        for (int built = 1; built <= JdbcCaseStore.SCHEMA_VERSION; built++) {
            try (TestDatabase other = TestDatabase.open(kind())) {
                DataSource pool = other.pool(4);
                JdbcCaseStore store = JdbcCaseStore.create(pool, other.dialect());
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    for (int v = 1; v <= built; v++) {
                        for (String sql : withoutTheVersionRecord(other.dialect().migrationStatements(v))) s.execute(sql);
                    }
                }
                if (built == JdbcCaseStore.SCHEMA_VERSION) store.commit(commit("c-1", 0, 0, 3));
                assertThat(store.schemaVersion()).isZero();
                assertThatThrownBy(store::validate).isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("xinfang tables found without a version record");

                MigrationReport report = store.migrate(JdbcMigrationContract.UNUSED);

                // Version 3 changed H2's columns only: elsewhere tables of version 3 read as version 2.
                int adopted = other.dialect() != Dialect.H2 && built == 3 ? 2 : built;
                assertThat(report).as("built to version %d", built)
                        .isEqualTo(new MigrationReport(adopted, JdbcCaseStore.SCHEMA_VERSION, List.of()));
                assertThat(structure(pool)).as("built to version %d", built).isEqualTo(structureMigrateBuilds());
                assertThat(store.validate()).isSameAs(store);
                if (built == JdbcCaseStore.SCHEMA_VERSION) assertThat(store.load("c-1").orElseThrow().version()).isEqualTo(1);
                assertTakesCommits(store);
            }
        }
    }

    @Test
    void aFirstScriptThatFailsLeavesNoTableBehindAndKeepsTheTablesThatWereThere() throws SQLException {
        execute(pool, "CREATE TABLE xf_claim (owner VARCHAR(20))");   // a table of the same name, not xinfang's

        assertThatThrownBy(store::migrate).isInstanceOf(StoreException.class)
                .hasMessageContaining(db.dialect().migrationScript(1)).hasMessageContaining("stays at version 0 (no xinfang tables)");

        assertThat(store.schemaVersion()).isZero();
        assertThat(tableExists(pool, "xf_schema_version")).as("no empty version table left").isFalse();
        assertThat(tableExists(pool, "xf_case")).isFalse();
        assertThat(tableExists(pool, "xf_claim")).as("the table that was there").isTrue();
        execute(pool, "DROP TABLE xf_claim");
        store.migrate();
        assertThat(structure(pool)).isEqualTo(structureMigrateBuilds());
    }

    @Test
    void aConfiguredSchemaHoldsEveryTableAndNothingIsCreatedInTheCurrentOne() throws SQLException {
        String name = currentSchema(pool) + "_own";   // unique per test: on MySQL a schema is a database of the server
        execute(pool, "CREATE SCHEMA " + name);
        JdbcCaseStore own = JdbcCaseStore.builder(pool).dialect(db.dialect()).schema(name).build();
        JdbcCaseStore current = JdbcCaseStore.create(pool, db.dialect());

        own.migrate();

        assertThat(own.schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertThat(own.validate()).isSameAs(own);
        assertThat(current.schemaVersion()).as("the connection's current schema").isZero();
        assertThat(structure(pool)).as("nothing in the current schema").isEmpty();
        assertTakesCommits(own);
        assertThat(own.migrate(JdbcMigrationContract.UNUSED).fromVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertThat(structure(pool)).isEmpty();
    }

    @Test
    void aConfiguredSchemaThatDoesNotExistIsRefusedAndNothingIsCreated() throws SQLException {
        JdbcCaseStore missing = JdbcCaseStore.builder(pool).dialect(db.dialect()).schema("xf_missing").build();

        assertThatThrownBy(missing::migrate).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("the configured schema xf_missing does not exist");

        assertThat(missing.schemaVersion()).isZero();
        assertThat(structure(pool)).isEmpty();
    }

    @Test
    void nodesMigratingTogetherApplyEachScriptOnce() throws Exception {
        DataSource pool = db.pool(8);
        List<Thread> nodes = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < concurrentMigrators; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    JdbcCaseStore.create(pool, db.dialect()).migrate();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            t.start();
            nodes.add(t);
        }
        start.countDown();
        for (Thread t : nodes) t.join();

        assertThat(failures).isEmpty();
        assertThat(count(pool, "SELECT COUNT(*) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertThat(structure(pool)).isEqualTo(structureMigrateBuilds());
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    static Flyway portalFlyway(DataSource pool) {
        return Flyway.configure().dataSource(pool).locations("classpath:db/portal").load();
    }

    /** xinfang's own Flyway, as the module's README configures it. */
    static Flyway xinfangFlyway(DataSource pool, JdbcCaseStore store) {
        return Flyway.configure()
                .dataSource(pool)
                .locations(store.dialect().flywayLocation())
                .table("xf_flyway_history")
                .baselineOnMigrate(true)
                .baselineVersion(String.valueOf(store.schemaVersion()))
                .load();
    }

    static void liquibaseUpdate(DataSource pool) throws Exception {
        try (Connection c = pool.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase("db/portal/changelog.xml", new ClassLoaderResourceAccessor(), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        }
    }

    /** The statements of a script as releases before 0.4 shipped them: no version table, no record. */
    static List<String> withoutTheVersionRecord(List<String> statements) {
        List<String> kept = new ArrayList<>();
        for (String sql : statements) {
            if (!sql.contains("xf_schema_version")) kept.add(sql);
        }
        return kept;
    }

    /** Asserts that {@link #store} is at the current version, with the tables, columns and indexes migrate() builds. */
    private void assertBuiltAsMigrateBuilds() throws SQLException {
        assertThat(store.schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertThat(structure(pool)).isEqualTo(structureMigrateBuilds());
    }

    private void assertTakesCommits(JdbcCaseStore store) {
        CaseCommit first = commit("paths-1", 0, 0, 2);
        store.commit(first);
        store.commit(commit("paths-1", 1, 2, 1));
        assertThat(store.load("paths-1").orElseThrow().version()).isEqualTo(2);
        assertThat(store.changesAfter(0, 10)).isNotEmpty();
    }

    /** The xinfang tables, columns and indexes that {@code migrate()} builds on a fresh database of this kind. */
    private List<String> structureMigrateBuilds() throws SQLException {
        try (TestDatabase fresh = TestDatabase.open(kind())) {
            DataSource pool = fresh.pool(2);
            JdbcCaseStore.create(pool, fresh.dialect()).migrate();
            return structure(pool);
        }
    }

    /** The xinfang tables of the connection's current schema: each column with its type and nullability, each index. */
    static List<String> structure(DataSource pool) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (Connection c = pool.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String schema = c.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(c.getCatalog(), schema, null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME");
                    if (table.toLowerCase(Locale.ROOT).startsWith("xf_") && !table.toLowerCase(Locale.ROOT).startsWith("xf_flyway")) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = meta.getColumns(c.getCatalog(), schema, table, null)) {
                    while (rs.next()) {
                        lines.add(table.toLowerCase(Locale.ROOT) + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " "
                                + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ") " + rs.getString("IS_NULLABLE"));
                    }
                }
                try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), schema, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") == null) continue;
                        // H2 names the indexes of constraints itself (primary_key_81b, xf_change_case_uq_index_7).
                        String index = rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT)
                                .replaceFirst("^primary_key_[0-9a-f]+$", "primary_key").replaceFirst("_index_[0-9a-f]+$", "");
                        lines.add(table.toLowerCase(Locale.ROOT) + " index " + index
                                + " " + rs.getShort("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"));
                    }
                }
            }
        }
        return List.copyOf(lines);
    }

    boolean tableExists(DataSource pool, String table) throws SQLException {
        try (Connection c = pool.getConnection();
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), db.dialect().fold(table), null)) {
            return rs.next();
        }
    }

    /** @return the connection's current schema (on MySQL: its database) */
    static String currentSchema(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return c.getSchema() != null ? c.getSchema() : c.getCatalog();
        }
    }

    static void execute(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static long count(DataSource pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
