package io.github.xinfang.bench.jdbc;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.bench.Lifecycles;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JDBC adapter under the case service, single-threaded, on H2 (memory; file with {@code WRITE_DELAY=0})
 * and PostgreSQL 14 (embedded, {@code synchronous_commit=on}, {@code fsync=on}):
 * <ul>
 *   <li>{@link #lifecycle}: commits per second of a full claim lifecycle through {@link CaseService} (register →
 *       route → inform → accept → propose → approve → serve the reply: 7 commits; each is an idempotency
 *       lookup, a load, a decision and a commit of events, snapshot, index row, idempotency record and feed
 *       entry in one transaction);</li>
 *   <li>{@link #bareJdbcFloor}: the same 7 transitions as bare JDBC on the same database and pool, one
 *       transaction each: one event insert and one update of the case row at the expected version (a conditional
 *       UPDATE whose count is checked) setting its version, an index column and, at the library's snapshot cadence
 *       ({@link CaseService#DEFAULT_SNAPSHOT_EVERY}), the snapshot, with the lifecycle's own encoded payloads;</li>
 *   <li>{@link #replay7} and {@link #replay103}: events per second replaying a history from the store (load,
 *       decode every event with the codec, {@link CaseState#replay}) for a 7-event and a 103-event case.</li>
 * </ul>
 * Scores are per commit (lifecycle, floor) or per event (replay): {@link OperationsPerInvocation}.
 *
 * <p>JMH state: one per trial, used by one thread.
 *
 * @since 0.1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JdbcLifecycleBenchmark {
    private static final int REWORKS = 48;
    private static final int LONG_EVENTS = Lifecycle.STEPS + 2 * REWORKS;   // 103

    @Param({"H2_MEMORY", "H2_FILE", "POSTGRESQL"})
    public String database;

    private BenchDatabase db;
    private DataSource dataSource;
    private JdbcCaseStore store;
    private CaseService service;
    private CaseCodec codec;
    private long nextCase;
    private long nextFloorCase;
    private final List<String> floorTypes = new ArrayList<>();
    private final List<String> floorEvents = new ArrayList<>();
    private final List<String> floorSnapshots = new ArrayList<>();
    private final List<String> floorStages = new ArrayList<>();
    private String shortCase;
    private String longCase;

    /** Opens the database, migrates it, creates the floor's tables and the cases replayed. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        db = BenchDatabase.open(BenchDatabase.Kind.valueOf(database), 4);
        dataSource = db.dataSource();
        store = JdbcCaseStore.create(dataSource, db.dialect()).migrate();
        service = CaseService.builder(store, Lifecycles.DIRECTORY, Lifecycles.CLOCK).build();
        codec = CaseCodec.create();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_floor_case (case_id VARCHAR(64) PRIMARY KEY, version BIGINT NOT NULL,"
                    + " stage VARCHAR(64) NOT NULL, snapshot TEXT NOT NULL)");
            s.execute("CREATE TABLE bench_floor_event (case_id VARCHAR(64) NOT NULL, sequence BIGINT NOT NULL,"
                    + " type VARCHAR(128) NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (case_id, sequence))");
        }
        // The floor writes what the lifecycle writes: its encoded events and the snapshot after each step.
        CaseId template = new CaseId("XF-BENCH-TEMPLATE");
        for (CaseCommand command : Lifecycle.commands(template)) {
            apply(command);
            StoredCase stored = store.load(template.value()).orElseThrow();
            StoredEvent last = stored.events().get(stored.events().size() - 1);
            floorTypes.add(last.type());
            floorEvents.add(last.payload());
            floorSnapshots.add(stored.snapshot().payload());
            floorStages.add(store.indexRow(template.value()).orElseThrow().stage());
        }
        shortCase = template.value();
        CaseId longId = new CaseId("XF-BENCH-LONG");
        for (CaseCommand command : Lifecycle.withReworks(longId, REWORKS)) apply(command);
        int events = store.load(longId.value()).orElseThrow().events().size();
        if (events != LONG_EVENTS) throw new IllegalStateException("long history has " + events + " events");
        longCase = longId.value();
    }

    /** Closes the pool and the database. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        db.close();
    }

    private CommandResult.Applied apply(CaseCommand command) {
        CommandResult r = service.handle(command);
        if (!(r instanceof CommandResult.Applied a) || a.replayed()) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " not applied: " + r);
        }
        return a;
    }

    /** @return the last version: a claim through its 7 commits via the case service */
    @Benchmark
    @OperationsPerInvocation(Lifecycle.STEPS)
    public long lifecycle() {
        CaseId id = new CaseId("XF-L-" + nextCase++);
        long version = 0;
        for (CaseCommand command : Lifecycle.commands(id)) version = apply(command).version();
        return version;
    }

    /** @return the last version: the same 7 transitions, each one transaction of an event insert and a conditional snapshot update */
    @Benchmark
    @OperationsPerInvocation(Lifecycle.STEPS)
    public long bareJdbcFloor() throws SQLException {
        String id = "XF-F-" + nextFloorCase++;
        for (int v = 1; v <= Lifecycle.STEPS; v++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO bench_floor_event (case_id, sequence, type, payload) VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, id);
                        ps.setLong(2, v);
                        ps.setString(3, floorTypes.get(v - 1));
                        ps.setString(4, floorEvents.get(v - 1));
                        ps.executeUpdate();
                    }
                    if (v == 1) {
                        try (PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO bench_floor_case (case_id, version, stage, snapshot) VALUES (?, 1, ?, ?)")) {
                            ps.setString(1, id);
                            ps.setString(2, floorStages.get(0));
                            ps.setString(3, floorSnapshots.get(0));
                            ps.executeUpdate();
                        }
                    } else {
                        // The snapshot at the library's cadence; the version and the index column at every commit.
                        boolean snapshot = (v - 1) % CaseService.DEFAULT_SNAPSHOT_EVERY == 0;
                        try (PreparedStatement ps = c.prepareStatement("UPDATE bench_floor_case SET version = ?, stage = ?"
                                + (snapshot ? ", snapshot = ?" : "") + " WHERE case_id = ? AND version = ?")) {
                            int i = 1;
                            ps.setLong(i++, v);
                            ps.setString(i++, floorStages.get(v - 1));
                            if (snapshot) ps.setString(i++, floorSnapshots.get(v - 1));
                            ps.setString(i++, id);
                            ps.setLong(i, v - 1);
                            if (ps.executeUpdate() != 1) throw new IllegalStateException("version conflict on " + id);
                        }
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
        return Lifecycle.STEPS;
    }

    private CaseState replay(String caseId) {
        StoredCase stored = store.load(caseId).orElseThrow();
        List<CaseEvent> events = new ArrayList<>(stored.events().size());
        for (StoredEvent e : stored.events()) events.add(codec.decode(e));
        return CaseState.replay(events);
    }

    /** @return the state: a 7-event history loaded, decoded and replayed */
    @Benchmark
    @OperationsPerInvocation(Lifecycle.STEPS)
    public CaseState replay7() {
        return replay(shortCase);
    }

    /** @return the state: a 103-event history loaded, decoded and replayed */
    @Benchmark
    @OperationsPerInvocation(LONG_EVENTS)
    public CaseState replay103() {
        return replay(longCase);
    }
}
