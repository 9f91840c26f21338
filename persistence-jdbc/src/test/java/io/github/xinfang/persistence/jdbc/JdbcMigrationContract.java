package io.github.xinfang.persistence.jdbc;

import static io.github.xinfang.persistence.jdbc.Commits.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.SnapshotRebuilder;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The current schema version over databases that versions 1 to 3 wrote: every record comes back byte for byte; a snapshot
 * that cannot be read is rebuilt from its case's events by {@link JdbcCaseStore#migrate(SnapshotRebuilder)} and
 * listed, and {@link JdbcCaseStore#migrate()} refuses it, changing nothing; a failed rebuild writes nothing. One
 * subclass per database; the H2 file subclass also damages a large object the way concurrent commits did.
 */
abstract class JdbcMigrationContract extends FreshDatabaseContract {

    /** A rebuilder for databases whose snapshots all read: it must not be called. */
    static final SnapshotRebuilder UNUSED = (caseId, version, events) -> {
        throw new AssertionError("no snapshot should need rebuilding, yet case " + caseId + " did");
    };

    JdbcMigrationContract(TestDatabase.Kind kind) {
        super(kind);
    }

    @Test
    void aVersion2DatabaseMigratesAndEveryRecordComesBackByteForByte() throws SQLException {
        DataSource pool = db.pool(4);
        JdbcCaseStore store = storeWritingLikeVersion(pool, 2);
        List<CaseCommit> written = new ArrayList<>();
        written.add(commit("c-1", 0, 0, 3));
        written.add(commit("c-1", 1, 3, 2));
        written.add(commit("积案-2", 0, 0, 1, b -> b.activeLeader("off-1").leadUnit("u1").batches(List.of("第三批"))));
        CaseCommit big = commit("c-3", 0, 0, 1);
        String document = "{\"long\":\"" + "长".repeat(300_000) + "\",\"mixed\":\"e\u0301 😀 \\r\\n\t \"}";
        big = new CaseCommit(big.caseId(), 0, List.of(new StoredEvent("c-3", 1, "case.noted", 1, document, Commits.T0)),
                new StoredSnapshot("c-3", 1, 2, document + " "), big.indexRow(), big.idempotencyKey(), big.commandDigest());
        written.add(big);
        for (CaseCommit c : written) store.commit(c);
        Map<String, StoredCase> before = loadAll(store, "c-1", "积案-2", "c-3");   // while the link column is lent
        takeBackTheClockTable();
        List<Change> feedBefore = takeBackPendingChanges(store);

        MigrationReport report = store.migrate(UNUSED);

        assertThat(report).isEqualTo(new MigrationReport(2, JdbcCaseStore.SCHEMA_VERSION, List.of()));
        assertThat(loadAll(store, "c-1", "积案-2", "c-3")).isEqualTo(before);
        assertThat(store.changesAfter(0, 10)).isEqualTo(feedBefore);
        for (CaseCommit c : written) {
            assertThat(store.findApplied(c.caseId(), c.idempotencyKey()).orElseThrow().versionAfter()).isEqualTo(c.newVersion());
        }
        assertThat(store.indexRow("积案-2")).contains(written.get(2).indexRow());
        assertPayloadColumnsAreNotLargeObjects();
        assertThat(count("SELECT MAX(version) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        store.commit(commit("c-1", 2, 5, 1));
        assertThat(store.load("c-1").orElseThrow().version()).isEqualTo(3);
        assertThat(store.changesAfter(0, 10)).hasSize(feedBefore.size() + 1);
        assertThat(store.migrate(UNUSED))
                .isEqualTo(new MigrationReport(JdbcCaseStore.SCHEMA_VERSION, JdbcCaseStore.SCHEMA_VERSION, List.of()));
    }

    @Test
    void aMissingSnapshotIsRebuiltFromItsEventsListedAndTheOthersAreUntouched() throws SQLException {
        Written w = writeCasesAtVersion2(3);
        String damaged = w.ids.get(1);
        dropSnapshot(damaged);

        MigrationReport report = w.store.migrate(w.service.snapshotRebuilder());

        assertThat(report).isEqualTo(new MigrationReport(2, JdbcCaseStore.SCHEMA_VERSION, List.of(damaged)));
        Map<String, StoredCase> after = loadAll(w.store, w.ids.toArray(String[]::new));
        assertThat(after).isEqualTo(w.before);   // the rebuilt snapshot is the one its last commit wrote, byte for byte
        assertThat(w.service.rebuildSnapshot(new CaseId(damaged)))
                .contains(w.service.history(new CaseId(damaged)).orElseThrow().state());
        assertPayloadColumnsAreNotLargeObjects();
        assertTakesACommand(w, damaged);
    }

    @Test
    void migrateWithoutARebuilderRefusesAnUnreadableSnapshotNamingItAndChangesNothing() throws SQLException {
        Written w = writeCasesAtVersion2(3);
        String damaged = w.ids.get(2);
        dropSnapshot(damaged);
        String columnType = payloadType();

        assertThatThrownBy(() -> w.store.migrate()).isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining(damaged).hasMessageContaining("migrate(SnapshotRebuilder)")
                .hasMessageContaining("nothing was changed");

        assertThat(count("SELECT MAX(version) FROM xf_schema_version")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM xf_case WHERE snapshot_payload IS NULL")).isEqualTo(1);
        assertThat(payloadType()).isEqualTo(columnType);
        assertThat(w.store.migrate(w.service.snapshotRebuilder()).repairedCases()).containsExactly(damaged);
        assertThat(loadAll(w.store, w.ids.toArray(String[]::new))).isEqualTo(w.before);
    }

    @Test
    void aRebuildThatFailsWritesNothingAndTheMigrationCanBeRunAgain() throws SQLException {
        Written w = writeCasesAtVersion2(4);
        String first = w.ids.get(0);
        String second = w.ids.get(3);
        dropSnapshot(first);
        dropSnapshot(second);
        SnapshotRebuilder good = w.service.snapshotRebuilder();
        SnapshotRebuilder failingOnTheSecond = (caseId, version, events) -> {
            if (caseId.equals(second)) throw new StoreException("simulated: the events of " + caseId + " do not replay");
            return good.rebuild(caseId, version, events);
        };

        assertThatThrownBy(() -> w.store.migrate(failingOnTheSecond)).isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining(second).hasMessageContaining("nothing was written").hasCauseInstanceOf(StoreException.class);
        assertThat(count("SELECT COUNT(*) FROM xf_case WHERE snapshot_payload IS NULL")).as("neither snapshot written").isEqualTo(2);
        assertThat(count("SELECT MAX(version) FROM xf_schema_version")).isEqualTo(2);

        SnapshotRebuilder wrongVersion = (caseId, version, events) -> {
            StoredSnapshot s = good.rebuild(caseId, version, events);
            return new StoredSnapshot(caseId, version + 1, s.schemaVersion(), s.payload());
        };
        assertThatThrownBy(() -> w.store.migrate(wrongVersion)).isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining("rule B2");
        assertThat(count("SELECT COUNT(*) FROM xf_case WHERE snapshot_payload IS NULL")).isEqualTo(2);

        assertThat(w.store.migrate(good).repairedCases()).containsExactly(first, second);
        assertThat(loadAll(w.store, w.ids.toArray(String[]::new))).isEqualTo(w.before);
    }

    @Test
    void repairSnapshotsRebuildsAMissingSnapshotOnAnUpToDateDatabase() throws SQLException {
        Written w = writeCasesAtVersion2(2);
        assertThat(w.store.migrate(UNUSED).repairedCases()).isEmpty();
        String damaged = w.ids.get(0);
        dropSnapshot(damaged);

        assertThat(w.store.repairSnapshots(w.service.snapshotRebuilder())).containsExactly(damaged);

        assertThat(loadAll(w.store, w.ids.toArray(String[]::new))).isEqualTo(w.before);
        assertThat(w.store.repairSnapshots(UNUSED)).isEmpty();
        assertTakesACommand(w, damaged);
    }

    @Test
    void aVersion3DatabaseMigratesAndReindexGivesItsRowsTheirClockDues() throws SQLException {
        DataSource pool = db.pool(4);
        JdbcCaseStore store = storeWritingLikeVersion(pool, 3);
        CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            CaseId id = new CaseId("XF-450802-2026-" + String.format("%06d", c + 1));
            ids.add(id.value());
            // routed in March and never told (steps 0, 1) or told and accepted (0 to 3): all late on 30 June
            for (int step = 0; step <= (c % 2 == 0 ? 1 : 3); step++) {
                assertThat(service.handle(Domain.step(id, step, Domain.HOUSING, id.value() + "/" + step)).isApplied()).isTrue();
            }
        }
        Map<String, io.github.xinfang.persistence.IndexRow> rows = new LinkedHashMap<>();
        for (String id : ids) rows.put(id, store.indexRow(id).orElseThrow());
        Map<String, StoredCase> before = loadAll(store, ids.toArray(String[]::new));   // while the link column is lent
        takeBackTheClockTable();
        takeBackPendingChanges(store);
        io.github.xinfang.persistence.OverdueScope housing = io.github.xinfang.persistence.OverdueScope.handlingUnit(
                Domain.HOUSING.value());
        java.time.Instant now = Domain.CLOCK.instant();

        assertThat(store.migrate(UNUSED)).isEqualTo(new MigrationReport(3, JdbcCaseStore.SCHEMA_VERSION, List.of()));

        assertThat(count("SELECT MAX(version) FROM xf_schema_version")).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        assertThat(loadAll(store, ids.toArray(String[]::new))).isEqualTo(before);
        for (String id : ids) {
            assertThat(store.indexRow(id).orElseThrow().clockDues()).as("rows written at version 3 have no clock rows").isEmpty();
            assertThat(store.indexRow(id).orElseThrow().earliestDueAt()).isEqualTo(rows.get(id).earliestDueAt());
        }
        assertThat(store.countOverdue(housing, now)).as("not overdue to the new queries until reindexed").isZero();
        assertThat(store.workload("nobody", now).activeCases()).isZero();

        assertThat(service.reindex()).isEqualTo(ids.size());

        for (String id : ids) assertThat(store.indexRow(id)).contains(rows.get(id));
        assertThat(store.countOverdue(housing, now)).isEqualTo(ids.size());
        assertThat(store.overdue(housing, now, null, 10)).extracting(io.github.xinfang.persistence.IndexRow::caseId)
                .containsExactlyElementsOf(ids);
        assertThat(store.overdue(housing, now, null, 10).get(0).lateClocks(now)).extracting(
                io.github.xinfang.persistence.ClockDue::clock).containsExactly("TELLING");
        assertThat(store.overdue(housing, now, null, 10).get(1).lateClocks(now)).extracting(
                io.github.xinfang.persistence.ClockDue::clock).containsExactly("HANDLING");
        assertThat(loadAll(store, ids.toArray(String[]::new))).as("reindex touches index rows only").isEqualTo(before);
        assertTakesACommand(new Written(store, service, ids, before), ids.get(0));
        assertThat(store.indexRow(ids.get(0)).orElseThrow().clockDues()).as("a commit writes the clock rows too").isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Cases written through a service at schema version 2, and what they loaded as. */
    record Written(JdbcCaseStore store, CaseService service, List<String> ids, Map<String, StoredCase> before) {}

    /** A database at version 2 with {@code cases} cases written through the service, each with a few commits. */
    Written writeCasesAtVersion2(int cases) {
        DataSource pool = db.pool(4);
        JdbcCaseStore store = storeWritingLikeVersion(pool, 2);
        CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();
        List<String> ids = new ArrayList<>();
        for (int c = 0; c < cases; c++) {
            CaseId id = new CaseId("XF-450802-2026-" + String.format("%06d", c + 1));
            ids.add(id.value());
            for (int step = 0; step <= 1 + c % 3; step++) {
                assertThat(service.handle(Domain.step(id, step, Domain.HOUSING, id.value() + "/" + step)).isApplied()).isTrue();
            }
            assertThat(service.handle(repeat(id, "repeat")).isApplied()).isTrue();
        }
        Map<String, StoredCase> written = loadAll(store, ids.toArray(String[]::new));   // while the link column is lent
        takeBackTheClockTable();
        takeBackPendingChanges(store);
        return new Written(store, service, List.copyOf(ids), written);
    }

    /**
     * @return a store over {@code pool}'s database migrated to {@code version} (2 or 3) and lent the tables this release
     *     writes besides ({@link #lendPendingChanges}, {@link #lendTheClockTable}), to write what that version's library
     *     wrote
     */
    JdbcCaseStore storeWritingLikeVersion(DataSource pool, int version) {
        SchemaMigrator.migrate(pool, db.dialect(), version);
        lendPendingChanges(pool);
        lendTheClockTable();
        return JdbcCaseStore.create(pool, db.dialect());
    }

    /**
     * This library's store appends each commit's change to {@code xf_change_pending} (schema version 4) for the feed's
     * reader to number. To write a database as a library of schema version 2 or 3 left it, a test lends the store that
     * table, then {@link #takeBackPendingChanges numbers every change and drops it}: the feed is then in
     * {@code xf_change}, numbered in commit order, as the older library wrote it.
     */
    void lendPendingChanges(DataSource pool) {
        String caseId = db.kind() == TestDatabase.Kind.POSTGRESQL ? "VARCHAR(512) COLLATE \"C\""
                : db.isMariaDb() ? "VARBINARY(1536)" : "VARCHAR(512)";
        String id = db.isMariaDb() ? "BIGINT NOT NULL AUTO_INCREMENT" : "BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL";
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE xf_change_pending (id " + id + ", case_id " + caseId
                    + " NOT NULL, version BIGINT NOT NULL, first_sequence BIGINT NOT NULL, last_sequence BIGINT NOT NULL,"
                    + " CONSTRAINT xf_change_pending_pk PRIMARY KEY (id))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the whole feed, numbered */
    List<Change> takeBackPendingChanges(JdbcCaseStore store) {
        List<Change> feed = store.changesAfter(0, Integer.MAX_VALUE);   // numbers every pending change
        try {
            assertThat(count("SELECT COUNT(*) FROM xf_change_pending")).isZero();
            sql("DROP TABLE xf_change_pending");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return feed;
    }

    /**
     * Lends a database of an older schema version the clock table of version 4, the tag table and column of version 6
     * the link column of version 7 and the access table of version 8, so that this release's adapter can
     * write to it; {@link #takeBackTheClockTable()} drops it with its rows. What stays is what an older release wrote:
     * case rows and their other child rows, and no clock rows.
     */
    void lendTheClockTable() {
        try {
            String text = db.isMariaDb() ? "VARBINARY(1536)" : "VARCHAR(512)";
            sql("CREATE TABLE xf_case_clock (case_id " + text + " NOT NULL, clock " + text + " NOT NULL,"
                    + " due_at DECIMAL(38,9) NOT NULL, CONSTRAINT xf_case_clock_pk PRIMARY KEY (case_id, clock))");
            // and version 6's tag rows and latest-petition column
            sql("CREATE TABLE xf_case_tag (case_id " + text + " NOT NULL, tag " + text + " NOT NULL,"
                    + " CONSTRAINT xf_case_tag_pk PRIMARY KEY (case_id, tag))");
            sql("ALTER TABLE xf_case ADD COLUMN last_petition_on DATE");
            // and version 7's chain links
            sql("ALTER TABLE xf_event ADD COLUMN chain_link VARCHAR(128)");
            // and version 8's access rows
            String party = db.isMariaDb() ? "VARBINARY(1024)" : text;
            sql("CREATE TABLE xf_case_access (case_id " + text + " NOT NULL, kind CHAR(1) NOT NULL, party_id " + party
                    + " NOT NULL, CONSTRAINT xf_case_access_pk PRIMARY KEY (case_id, kind, party_id))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the clock table, tag table and columns {@link #lendTheClockTable()} lent. */
    void takeBackTheClockTable() {
        try {
            sql("DROP TABLE xf_case_clock");
            sql("DROP TABLE xf_case_tag");
            sql("ALTER TABLE xf_case DROP COLUMN last_petition_on");
            sql("ALTER TABLE xf_event DROP COLUMN chain_link");
            sql("DROP TABLE xf_case_access");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static CaseCommand repeat(CaseId id, String key) {
        return new ActivityCommand.RecordRepeatPetition(id, new IdempotencyKey(key), Domain.clerk(), LocalDate.parse("2026-05-04"),
                Channel.VISIT, 2, CaseActivity.SkippedLevel.NONE);
    }

    static void assertTakesACommand(Written w, String caseId) {
        long version = w.store.load(caseId).orElseThrow().version();
        CommandResult r = w.service.handle(repeat(new CaseId(caseId), caseId + "/after-repair"));
        assertThat(r).isInstanceOf(CommandResult.Applied.class);
        assertThat(((CommandResult.Applied) r).version()).isEqualTo(version + 1);
    }

    /** Lets the snapshot column hold NULL, then removes a case's snapshot: a missing value. */
    void dropSnapshot(String caseId) throws SQLException {
        sql(db.kind() == TestDatabase.Kind.POSTGRESQL ? "ALTER TABLE xf_case ALTER COLUMN snapshot_payload DROP NOT NULL"
                : db.isMariaDb() ? "ALTER TABLE xf_case MODIFY snapshot_payload LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL"
                : "ALTER TABLE xf_case ALTER COLUMN snapshot_payload SET NULL");
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE xf_case SET snapshot_payload = NULL WHERE case_id = ?")) {
            ps.setString(1, caseId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    static Map<String, StoredCase> loadAll(JdbcCaseStore store, String... ids) {
        Map<String, StoredCase> cases = new LinkedHashMap<>();
        // Without the chain head: a release before schema version 7 wrote no links (the ones written while the link column
        // was lent go with it), and one of version 7 that migrated the database has none until it links the histories.
        for (String id : ids) {
            StoredCase c = store.load(id).orElseThrow();
            cases.put(id, new StoredCase(c.caseId(), c.version(), c.snapshot(), c.events()));
        }
        return cases;
    }

    void assertPayloadColumnsAreNotLargeObjects() throws SQLException {
        if (db.kind() == TestDatabase.Kind.POSTGRESQL) {
            assertThat(payloadType()).isEqualTo("text/text");
        } else if (db.isMariaDb()) {
            assertThat(payloadType()).isEqualTo("longtext 4294967295/longtext 4294967295");
        } else {
            assertThat(payloadType()).isEqualTo("CHARACTER VARYING 16777216/CHARACTER VARYING 16777216");
        }
    }

    /** @return the types of xf_case.snapshot_payload and xf_event.payload, as the catalogue names them */
    String payloadType() throws SQLException {
        String sql = "SELECT data_type, character_maximum_length FROM information_schema.columns"
                + " WHERE LOWER(table_name) = ? AND LOWER(column_name) = ?"
                + (db.kind() == TestDatabase.Kind.POSTGRESQL ? " AND table_schema = current_schema()"
                : db.isMariaDb() ? " AND table_schema = DATABASE()" : "");
        StringBuilder types = new StringBuilder();
        for (String[] column : new String[][] {{"xf_case", "snapshot_payload"}, {"xf_event", "payload"}}) {
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, column[0]);
                ps.setString(2, column[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("column %s.%s", column[0], column[1]).isTrue();
                    if (types.length() > 0) types.append('/');
                    types.append(rs.getString(1));
                    if (rs.getString(2) != null) types.append(' ').append(rs.getString(2));
                }
            }
        }
        return types.toString();
    }
}
