package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.internal.codec.CaseCodec;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child JVM ({@link CrashWriter}) commits a stream of commits and is killed with {@code destroyForcibly} in
 * the middle of it; after reopening, the database holds only whole commits, every acknowledged commit, and a
 * gap-free change feed. The child drives a {@code CaseService} (real domain commits: claims going through
 * their lifecycle), so every history is also decoded with the codec and replayed ({@code CaseState.replay}) to
 * its stored snapshot; then a service on the reopened store finishes the interrupted lifecycles.
 */
class CrashConsistencyTests {

    @Test
    void aKilledWriterLeavesOnlyWholeCommitsOnH2File() throws Exception {
        killMidStreamAndCheck(TestDatabase.Kind.H2_FILE);
    }

    @Test
    void aKilledWriterLeavesOnlyWholeCommitsOnPostgres() throws Exception {
        killMidStreamAndCheck(TestDatabase.Kind.POSTGRESQL);
    }

    @Test
    void aKilledWriterLeavesOnlyWholeCommitsOnMariaDb() throws Exception {
        killMidStreamAndCheck(TestDatabase.Kind.MARIADB);
    }

    private static void killMidStreamAndCheck(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind)) {
            db.store();     // migrates
            db.close();     // an H2 file database is open in one process at a time

            Map<String, Long> acked = new HashMap<>();
            int ackTarget = 150 + ThreadLocalRandom.current().nextInt(250);
            Process child = startWriter(db);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                int acks = 0;
                while (acks < ackTarget && (line = out.readLine()) != null) {
                    String[] parts = line.split(" ");
                    if (parts.length != 3 || !parts[0].equals("ACK")) continue;
                    acked.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                    acks++;
                }
                assertThat(acks).as("acknowledged commits before the kill").isEqualTo(ackTarget);
                assertThat(child.isAlive()).as("the writer is still writing when killed").isTrue();
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            JdbcCaseStore store = db.store();   // reopen (and migrate again: a no-op)
            checkWholeCommits(db, store, acked);
        }
    }

    private static Process startWriter(TestDatabase db) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", classpath, "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", CrashWriter.class.getName(), db.url(), db.dialect().name());
        pb.redirectError(ProcessBuilder.Redirect.appendTo(new File("target", "crash-writer.log")));
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    private static void checkWholeCommits(TestDatabase db, JdbcCaseStore store, Map<String, Long> acked) throws SQLException {
        CaseCodec codec = CaseCodec.create();
        CaseService service = CaseService.builder(store, Domain.DIRECTORY, Domain.CLOCK).build();
        List<String> caseIds = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT case_id FROM xf_case ORDER BY case_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) caseIds.add(rs.getString(1));
        }
        assertThat(caseIds).as("every acknowledged case is there").containsAll(acked.keySet());

        long commits = 0;
        Set<String> keys = new HashSet<>();
        List<String> unfinished = new ArrayList<>();
        for (String caseId : caseIds) {
            StoredCase c = store.load(caseId).orElseThrow();
            assertThat(c.version()).as("%s: every acknowledged commit is there", caseId)
                    .isGreaterThanOrEqualTo(acked.getOrDefault(caseId, 0L))
                    .isBetween(1L, (long) Domain.LIFECYCLE_STEPS);
            assertThat(c.snapshot().version()).as("%s: a snapshot at most every %d commits", caseId, CaseService.DEFAULT_SNAPSHOT_EVERY)
                    .isBetween(c.version() - CaseService.DEFAULT_SNAPSHOT_EVERY + 1, c.version());
            // Whole commits only: the history is exactly the events of the steps applied so far, in order.
            List<StoredEvent> ofCommits = new ArrayList<>();
            for (int step = 0; step < c.version(); step++) {
                var applied = store.findApplied(caseId, CrashWriter.key(new CaseId(caseId), step)).orElseThrow(
                        () -> new AssertionError(caseId + ": a version without its step's idempotency record"));
                assertThat(applied.versionAfter()).isEqualTo(step + 1L);
                assertThat(applied.events()).as("%s: a commit holds events", caseId).isNotEmpty();
                ofCommits.addAll(applied.events());
                keys.add(caseId + "@" + (step + 1));
            }
            assertThat(c.events()).as("%s: events of whole commits only", caseId).isEqualTo(ofCommits);
            for (int i = 0; i < c.events().size(); i++) assertThat(c.events().get(i).sequence()).isEqualTo(i + 1);
            // Every event decodes, and the history replays to the stored snapshot.
            CaseState[] replayed = Domain.replayedAndStored(codec, c);
            assertThat(replayed[0]).as("%s: the history replays to the stored snapshot", caseId).isEqualTo(replayed[1]);
            assertThat(store.indexRow(caseId).orElseThrow().stage()).isEqualTo(replayed[0].stage().name());
            assertThat(count(db, "SELECT COUNT(*) FROM xf_commit WHERE case_id = '" + caseId + "'")).isEqualTo(c.version());
            assertThat(count(db, "SELECT COUNT(*) FROM xf_event WHERE case_id = '" + caseId + "'")).isEqualTo(c.events().size());
            if (c.version() < Domain.LIFECYCLE_STEPS) unfinished.add(caseId);
            commits += c.version();
        }
        assertThat(count(db, "SELECT COUNT(*) FROM xf_commit")).isEqualTo(commits);
        assertThat(count(db, "SELECT (SELECT COUNT(*) FROM xf_change) + (SELECT COUNT(*) FROM xf_change_pending)")).isEqualTo(commits);

        JdbcCaseStoreContract.assertFeedHoldsEachCommitOnce(store, 100, commits, keys);

        // A service on the reopened store finishes the interrupted lifecycles, resending every step under its key:
        // steps committed before the kill (acknowledged or not) are recognised, the others are applied once.
        assertThat(unfinished).as("the writer was killed with lifecycles under way").isNotEmpty();
        for (String caseId : unfinished) {
            CaseId id = new CaseId(caseId);
            long before = store.load(caseId).orElseThrow().version();
            String[] parts = caseId.split("-");
            for (int step = 0; step < Domain.LIFECYCLE_STEPS; step++) {
                CommandResult r = service.handle(Domain.step(id, step, CrashWriter.unitOf(Integer.parseInt(parts[3])),
                        CrashWriter.key(id, step)));
                assertThat(r).as("%s step %d after restart", caseId, step).isInstanceOf(CommandResult.Applied.class);
                CommandResult.Applied a = (CommandResult.Applied) r;
                assertThat(a.replayed()).as("%s step %d: replayed iff committed before the kill", caseId, step).isEqualTo(step < before);
                assertThat(a.version()).isEqualTo(step + 1L);
            }
            StoredCase done = store.load(caseId).orElseThrow();
            CaseState[] replayed = Domain.replayedAndStored(codec, done);
            assertThat(replayed[0]).isEqualTo(replayed[1]);
            assertThat(done.version()).isEqualTo(Domain.LIFECYCLE_STEPS);
            commits += Domain.LIFECYCLE_STEPS - before;
        }
        assertThat(count(db, "SELECT (SELECT COUNT(*) FROM xf_change) + (SELECT COUNT(*) FROM xf_change_pending)")).isEqualTo(commits);
    }

    private static long count(TestDatabase db, String query) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
