package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.service.CaseService;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.LobStorageMap;
import org.h2.mvstore.tx.TransactionStore;
import org.junit.jupiter.api.Test;

/**
 * The current schema version over older databases, on H2 in file mode; also over a database whose large object H2 lost, the
 * damage concurrent commits did to version-2 databases, and through a script that fails midway.
 */
class H2FileJdbcMigrationTests extends JdbcMigrationContract {
    H2FileJdbcMigrationTests() {
        super(TestDatabase.Kind.H2_FILE);
    }

    @Test
    void aSnapshotWhoseLargeObjectH2LostIsRebuiltFromItsEvents() throws SQLException {
        Written w = writeCasesAtVersion2(3);
        String damaged = w.ids().get(1);
        loseLargeObjectOf(damaged, w.before().get(damaged).snapshot().payload());
        JdbcCaseStore store = JdbcCaseStore.create(db.pool(4), Dialect.H2);
        // What the report saw: the case cannot be loaded any more.
        assertThatThrownBy(() -> store.load(damaged)).isExactlyInstanceOf(StoreException.class)
                .hasMessageContaining(damaged).rootCause().hasMessageContaining("streamStoreId");
        assertThatThrownBy(store::migrate).isExactlyInstanceOf(StoreException.class).hasMessageContaining(damaged)
                .hasMessageContaining("migrate(SnapshotRebuilder)");
        assertThat(count("SELECT MAX(version) FROM xf_schema_version")).isEqualTo(2);

        MigrationReport report = store.migrate(w.service().snapshotRebuilder());

        assertThat(report.repairedCases()).containsExactly(damaged);
        assertThat(loadAll(store, w.ids().toArray(String[]::new))).isEqualTo(w.before());
        assertPayloadColumnsAreNotLargeObjects();
        CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();   // the old pool is closed
        assertTakesACommand(new Written(store, service, w.ids(), w.before()), damaged);
    }

    @Test
    void aScriptFailingMidwayLeavesWholeTablesAtVersion2AndTheMigrationGoesOnFromThere() throws SQLException {
        Written w = writeCasesAtVersion2(3);
        String damaged = w.ids().get(0);
        dropSnapshot(damaged);
        // Another session holds a row of xf_event: the script's second statement cannot lock that table and times out.
        DataSource impatient = db.pool(2, "SET LOCK_TIMEOUT 500");
        JdbcCaseStore store = JdbcCaseStore.create(impatient, Dialect.H2);
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement ps = blocker.prepareStatement("UPDATE xf_event SET type = type WHERE case_id = ? AND sequence = 1")) {
                ps.setString(1, w.ids().get(2));
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }

            assertThatThrownBy(() -> store.migrate(w.service().snapshotRebuilder())).isExactlyInstanceOf(StoreException.class)
                    .hasMessageContaining("V3__xinfang_schema.sql").hasMessageContaining("stays at version 2")
                    .hasMessageContaining(damaged);
            blocker.rollback();
        }

        assertThat(count("SELECT MAX(version) FROM xf_schema_version")).isEqualTo(2);
        assertThat(payloadType()).as("the first table converted whole, the second left whole")
                .startsWith("CHARACTER VARYING 16777216/CHARACTER LARGE OBJECT");
        Map<String, StoredCase> now = loadAll(store, w.ids().toArray(String[]::new));
        assertThat(now).as("every record, and the repaired snapshot, as before").isEqualTo(w.before());

        MigrationReport again = store.migrate(w.service().snapshotRebuilder());

        assertThat(again).isEqualTo(new MigrationReport(2, JdbcCaseStore.SCHEMA_VERSION, List.of()));
        assertPayloadColumnsAreNotLargeObjects();
        assertThat(loadAll(store, w.ids().toArray(String[]::new))).isEqualTo(w.before());
    }

    /**
     * Makes H2 lose the large object holding a case's snapshot, as concurrent commits did: the case row is rewritten
     * so that its snapshot is the newest large object, the database is closed, and that object's entry is removed
     * from H2's large-object map with H2's own storage API.
     */
    private void loseLargeObjectOf(String caseId, String payload) throws SQLException {
        assertThat(payload.length()).as("a snapshot long enough to live outside the row").isGreaterThan(256);
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE xf_case SET snapshot_payload = ? WHERE case_id = ?")) {
            ps.setString(1, payload);
            ps.setString(2, caseId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        db.closePools();   // the database closes with its last connection
        Path file = db.h2File();
        MVStore mv = new MVStore.Builder().fileName(file.toString()).open();
        try {
            MVMap<Long, LobStorageMap.BlobMeta> lobs = LobStorageMap.openLobMap(new TransactionStore(mv));
            assertThat(lobs.remove(lobs.lastKey())).isNotNull();
            mv.commit();
        } finally {
            mv.close();
        }
    }
}
