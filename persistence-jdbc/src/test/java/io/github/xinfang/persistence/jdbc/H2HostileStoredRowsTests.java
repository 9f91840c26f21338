package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.XinfangException;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.service.CaseListings;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input campaign's part for the JDBC adapter's readers of outside data: rows damaged in the database (by
 * hand, by another tool, by a failing disk) are read back through every door that reads them: the case service's
 * history, rebuild and command paths (a resent command, a registration of an existing case), the listings and the
 * report feed, the chain verifier of the history and of the audit trail, and the audit listing. Each round damages one
 * column of one row with a hostile value (malformed, truncated and foreign JSON, enormous and empty text, control
 * characters and lone surrogates, numbers at and beyond their ranges, instants beyond {@link Instant#MAX}, NULL), runs
 * every reader, and restores the value. Every reader ends in a result or a typed {@link XinfangException}, never another
 * exception, and nothing is written by any of them. {@code -Dxinfang.hostile.scale=N} multiplies the rounds.
 */
class H2HostileStoredRowsTests extends FreshStoreContract {
    static final int ROUNDS = 1_500 * Integer.getInteger("xinfang.hostile.scale", 1);
    static final EventChain CHAIN = EventChain.sha256();
    static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    H2HostileStoredRowsTests() {
        super(TestDatabase.Kind.H2_MEMORY);
    }

    /** A damageable column: its table, its name, the key columns of its rows and what kind of value it holds. */
    record Column(String table, String column, String key, char kind) {}

    static final List<Column> COLUMNS = List.of(
            new Column("xf_event", "payload", "case_id, sequence", 'j'),
            new Column("xf_event", "type", "case_id, sequence", 't'),
            new Column("xf_event", "schema_version", "case_id, sequence", 'i'),
            new Column("xf_event", "recorded_at", "case_id, sequence", 'd'),
            new Column("xf_event", "chain_link", "case_id, sequence", 't'),
            new Column("xf_case", "snapshot_payload", "case_id", 'j'),
            new Column("xf_case", "snapshot_schema_version", "case_id", 'i'),
            new Column("xf_case", "snapshot_version", "case_id", 'l'),
            new Column("xf_case", "last_sequence", "case_id", 'l'),
            new Column("xf_case", "stage", "case_id", 't'),
            new Column("xf_case", "region_code", "case_id", 't'),
            new Column("xf_case", "next_attention_at", "case_id", 'd'),
            new Column("xf_case", "earliest_due_at", "case_id", 'd'),
            new Column("xf_case_clock", "due_at", "case_id, clock", 'd'),
            new Column("xf_commit", "command_digest", "case_id, version", 't'),
            new Column("xf_commit", "last_sequence", "case_id, version", 'l'),
            new Column("xf_audit", "actor", "case_id, sequence", 't'),
            new Column("xf_audit", "action", "case_id, sequence", 't'),
            new Column("xf_audit", "recorded_at", "case_id, sequence", 'd'),
            new Column("xf_audit", "link", "case_id, sequence", 't'));

    static final List<String> TEXTS = List.of("", " ", "{", "null", "[]", "{}", "{\"type\":1}", "\u0000", "\ud800", "e\u0301\u202e",
            "'; DROP TABLE xf_event; --", "信访事项".repeat(100), "x".repeat(100_000), "{\"a\":" + "[".repeat(5_000));

    @Test
    void everyReaderOfADamagedRowAnswersOrFailsTypedAndWritesNothing() throws SQLException {
        CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).accessAudit(store).build();
        List<CaseCommand> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CaseId id = new CaseId("XF-450802-2026-00000" + i);
            List<CaseCommand> life = Domain.lifecycle(id, i % 2 == 0 ? Domain.HOUSING : Domain.LABOUR, "k" + i);
            for (CaseCommand c : life.subList(0, Math.min(Domain.LIFECYCLE_STEPS, 2 + 2 * i))) {
                assertThat(service.handle(c).isApplied()).isTrue();
                sent.add(c);
            }
            service.history(Domain.clerk(), id);   // an audit record per case
        }
        String before = fingerprint();
        SplittableRandom random = new SplittableRandom(20261207);
        long inputs = 0;
        long typed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Column column = COLUMNS.get(random.nextInt(COLUMNS.size()));
            List<Object[]> keys = keys(column);
            if (keys.isEmpty()) continue;
            Object[] key = keys.get(random.nextInt(keys.size()));
            Object original = read(column, key);
            if (!damage(column, key, hostile(column, original, random))) continue;   // the database refused the value
            String caseId = (String) key[0];
            CaseCommand resent = sent.get(random.nextInt(sent.size()));
            List<Supplier<Object>> readers = List.of(
                    () -> service.history(new CaseId(caseId)),
                    () -> service.rebuildSnapshot(new CaseId(caseId)),
                    () -> service.handle(resent),
                    () -> service.handle(Domain.step(new CaseId(caseId), 0, Domain.HOUSING, "again-" + caseId)),
                    () -> CaseListings.create(service).needingAttention(FAR, null, null, 50, null),
                    () -> CaseListings.create(service).countOverdue(OverdueScope.regionPrefix("45"), FAR),
                    () -> CaseListings.create(service).forEachTouching("", Instant.EPOCH, h -> { }),
                    () -> ChainVerifier.of(store, CHAIN).verifyStore(),
                    () -> ChainVerifier.verifyAudit(store, CHAIN),
                    () -> store.recordsAfter("", 0, 100));
            for (Supplier<Object> reader : readers) {
                inputs++;
                try {
                    Object answer = reader.get();
                    if (answer instanceof CommandResult.Applied a && !a.replayed()) {
                        throw new AssertionError("a command was applied over damaged row " + column + " of " + caseId + ": " + a);
                    }
                } catch (XinfangException e) {
                    typed++;
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("reading " + column + " of " + caseId + " damaged to a hostile value threw "
                            + e.getClass().getName() + " instead of a typed error", e);
                }
            }
            restore(column, key, original);
            assertThat(fingerprint()).as("round %d: nothing written while %s was damaged", round, column).isEqualTo(before);
        }
        assertThat(inputs).as("reads of damaged rows").isGreaterThanOrEqualTo(ROUNDS * 5L);
        assertThat(typed).as("some damage is found").isPositive();
        assertThat(ChainVerifier.of(store, CHAIN).verifyStore().intact()).as("every value restored").isTrue();
        assertThat(ChainVerifier.verifyAudit(store, CHAIN).intact()).isTrue();
    }

    /** What the store holds, as counts and versions: equal before and after a round that must write nothing. */
    private String fingerprint() throws SQLException {
        StringBuilder f = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : List.of("SELECT COUNT(*), COALESCE(SUM(version), 0) FROM xf_case", "SELECT COUNT(*), 0 FROM xf_event",
                    "SELECT COUNT(*), 0 FROM xf_commit", "SELECT COUNT(*), 0 FROM xf_change_pending")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    f.append(rs.getLong(1)).append('/').append(rs.getLong(2)).append(' ');
                }
            }
        }
        return f.toString();
    }

    private List<Object[]> keys(Column column) throws SQLException {
        List<Object[]> keys = new ArrayList<>();
        int n = column.key().split(",").length;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column.key() + " FROM " + column.table())) {
            while (rs.next()) {
                Object[] key = new Object[n];
                for (int i = 0; i < n; i++) key[i] = rs.getObject(i + 1);
                keys.add(key);
            }
        }
        return keys;
    }

    private String where(Column column) {
        StringBuilder w = new StringBuilder(" WHERE ");
        String[] names = column.key().split(",");
        for (int i = 0; i < names.length; i++) w.append(i == 0 ? "" : " AND ").append(names[i].trim()).append(" = ?");
        return w.toString();
    }

    private Object read(Column column, Object[] key) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + column.column() + " FROM " + column.table() + where(column))) {
            for (int i = 0; i < key.length; i++) ps.setObject(i + 1, key[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    private boolean damage(Column column, Object[] key, Object value) {
        try {
            write(column, key, value);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private void restore(Column column, Object[] key, Object original) throws SQLException {
        write(column, key, original);
    }

    private void write(Column column, Object[] key, Object value) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE " + column.table() + " SET " + column.column() + " = ?" + where(column))) {
            ps.setObject(1, value);
            for (int i = 0; i < key.length; i++) ps.setObject(i + 2, key[i]);
            ps.executeUpdate();
        }
    }

    /** A hostile value for a column, often derived from its stored one (truncated, one character changed). */
    private static Object hostile(Column column, Object original, SplittableRandom random) {
        int pick = random.nextInt(10);
        switch (column.kind()) {
            case 'i':
                return List.of(-1, 0, 999, Integer.MAX_VALUE, Integer.MIN_VALUE).get(random.nextInt(5));
            case 'l':
                return List.of(-1L, 0L, 1L, 10_000L, Long.MAX_VALUE, Long.MIN_VALUE).get(random.nextInt(6));
            case 'd':
                return List.of(new BigDecimal("-1"), BigDecimal.ZERO, new BigDecimal("99999999999999999999999999999.999999999"),
                        new BigDecimal("31556889864403200"), new BigDecimal("-31557014167219201"), new BigDecimal("1.5"))
                        .get(random.nextInt(6));
            case 'j':
                if (original instanceof String s && !s.isEmpty() && pick < 4) {
                    if (pick < 2) return s.substring(0, random.nextInt(s.length()));
                    int at = random.nextInt(s.length());
                    return s.substring(0, at) + "\"}]{,:\u0000é".charAt(random.nextInt(8)) + s.substring(at + 1);
                }
                if (original instanceof String s && pick == 4) return s.replace("\"type\"", "\"tpye\"");
                if (original instanceof String s && pick == 5) return s.replaceFirst("\\d", "-");
                return TEXTS.get(random.nextInt(TEXTS.size()));
            default:
                if (pick == 0) return null;
                return TEXTS.get(random.nextInt(TEXTS.size()));
        }
    }
}
