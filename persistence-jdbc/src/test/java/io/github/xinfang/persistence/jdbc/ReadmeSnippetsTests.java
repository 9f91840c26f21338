package io.github.xinfang.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.InstantSource;
import javax.sql.DataSource;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.service.CaseChange;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import org.flywaydb.core.Flyway;

import static io.github.xinfang.testsupport.DocRegions.javaBlocks;
import static io.github.xinfang.testsupport.DocRegions.read;
import static io.github.xinfang.testsupport.DocRegions.regions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java snippets of this module's README, compiled: each {@code ```java} block of {@code README.md} is one region
 * of this file between {@code // tag::NAME[]} and {@code // end::NAME[]}, in the same order and verbatim up to
 * indentation (issue 11, item 7). The project README's snippets are checked the same way in the examples module.
 */
class ReadmeSnippetsTests {
    private static final Path SELF = Path.of("src/test/java/io/github/xinfang/persistence/jdbc/ReadmeSnippetsTests.java");

    /** README, first lines. */
    static JdbcCaseStore create(DataSource pool) {
        // tag::create[]
        // pool: the DataSource you already run (HikariCP, Druid, your container's pool)
        JdbcCaseStore store = JdbcCaseStore.create(pool, Dialect.POSTGRESQL).migrate();
        // end::create[]
        return store;
    }

    /** README, upgrading to schema version 3. */
    static MigrationReport repair(JdbcCaseStore store, CaseService caseService) {
        // tag::repair[]
        MigrationReport report = store.migrate(caseService.snapshotRebuilder());   // report.repairedCases(): usually empty
        // end::repair[]
        return report;
    }

    /** README, schema with your migration tool: a second Flyway (run by {@link SchemaPathsContract}). */
    static void flyway(DataSource pool, JdbcCaseStore store) {
        // tag::flyway[]
        Flyway.configure()
                .dataSource(pool)
                .locations(store.dialect().flywayLocation())      // classpath:db/xinfang/postgresql
                .table("xf_flyway_history")
                .baselineOnMigrate(true)
                .baselineVersion(String.valueOf(store.schemaVersion()))
                .load()
                .migrate();
        store.validate();
        // end::flyway[]
    }

    /** README, followers' positions (run by {@link FeedPositionsContract}). */
    static void followSearchIndex(JdbcCaseStore store, JdbcTransactions transactions, CaseService service) {
        // tag::feed-positions[]
        JdbcFeedPositions positions = JdbcFeedPositions.of(store);   // a participating store: its binding's transactions
        transactions.inTransaction(connection -> {
            long from = positions.lock("search-index");              // SELECT ... FOR UPDATE: other nodes wait here
            List<CaseChange> changes = service.changesAfter(from, 100);
            for (CaseChange change : changes) index(connection, change);   // the portal's own writes, same transaction
            if (!changes.isEmpty()) positions.save("search-index", changes.get(changes.size() - 1).position());
            return null;
        });
        // end::feed-positions[]
    }

    /** The portal's search index: one row per change, in its table {@code search_index}. */
    static void index(Connection connection, CaseChange change) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO search_index (position, case_id) VALUES (?, ?)")) {
            ps.setLong(1, change.position());
            ps.setString(2, change.caseId().value());
            ps.executeUpdate();
        }
    }

    /** README, the participating mode. */
    static CommandResult participating(DataSource pool, OrganisationDirectory directory, InstantSource clock,
                                       String form, CaseCommand register) {
        // tag::participating[]
        JdbcTransactions transactions = new JdbcTransactions(pool);   // plain JDBC; Spring and Jakarta below
        JdbcCaseStore store = JdbcCaseStore.builder(pool).participating(transactions).build();
        CaseService service = CaseService.builder(store, directory, clock).build();
        CommandResult result = transactions.inTransaction(connection -> {
            insertIntakeForm(connection, form);   // the portal's own row
            return service.handle(register);      // the case, in the same transaction: both or neither
        });
        // end::participating[]
        return result;
    }

    static void insertIntakeForm(Connection connection, String form) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO portal_intake (id) VALUES (?)")) {
            ps.setString(1, form);
            ps.executeUpdate();
        }
    }

    /** The files holding the README's regions, in the README's order: this one, then the Spring binding's. */
    private static final List<Path> SOURCES = List.of(SELF,
            Path.of("src/test/java/io/github/xinfang/persistence/jdbc/SpringTransactionBinding.java"));

    @Test
    void everyJavaBlockOfTheReadmeIsARegionOfThisFileInOrder() throws IOException {
        List<String> blocks = javaBlocks(read(Path.of("README.md")));
        assertThat(blocks).as("```java blocks in README.md").hasSize(6);
        List<String> regions = new ArrayList<>();
        for (Path source : SOURCES) regions.addAll(regions(read(source)));
        assertThat(regions).as("the README's ```java blocks, in order, as the regions of " + SOURCES)
                .containsExactlyElementsOf(blocks);
    }
}
