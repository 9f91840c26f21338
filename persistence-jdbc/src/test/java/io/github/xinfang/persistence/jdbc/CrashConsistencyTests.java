package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.persistence.StoredEvent;

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
 * gap-free change feed. (Replaying each history to its stored snapshot needs core's codec; here the snapshot
 * records the event count it was built from, and that is checked.)
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
        long commits = 0;
        Set<String> keys = new HashSet<>();
        for (int t = 0; t < CrashWriter.THREADS; t++) {
            for (int k = 0; k < CrashWriter.CASES_PER_THREAD; k++) {
                String caseId = CrashWriter.caseId(t, k);
                long ackedVersion = acked.getOrDefault(caseId, 0L);
                StoredCase c = store.load(caseId).orElse(null);
                if (c == null) {
                    assertThat(ackedVersion).as("%s was acknowledged but is missing", caseId).isZero();
                    continue;
                }
                assertThat(c.version()).as("%s: every acknowledged commit is there", caseId).isGreaterThanOrEqualTo(ackedVersion);
                assertThat(c.snapshot().version()).isEqualTo(c.version());
                // The writer's commit v holds 1 + ((v - 1) % 3) events: the history is exactly v whole commits.
                long expectedEvents = 0;
                for (long v = 1; v <= c.version(); v++) {
                    long before = expectedEvents;
                    expectedEvents += 1 + (v - 1) % 3;
                    var applied = store.findApplied(caseId, caseId + "/key-" + v).orElseThrow();
                    assertThat(applied.versionAfter()).isEqualTo(v);
                    assertThat(applied.events()).extracting(StoredEvent::sequence).first().isEqualTo(before + 1);
                    keys.add(caseId + "/" + v);
                }
                assertThat(c.events()).as("%s: events of whole commits only", caseId).hasSize((int) expectedEvents);
                for (int i = 0; i < c.events().size(); i++) assertThat(c.events().get(i).sequence()).isEqualTo(i + 1);
                assertThat(c.snapshot().payload()).as("%s: snapshot built from all its events", caseId)
                        .isEqualTo("{\"version\":" + c.version() + ",\"events\":" + expectedEvents + "}");
                assertThat(count(db, "SELECT COUNT(*) FROM xf_commit WHERE case_id = '" + caseId + "'")).isEqualTo(c.version());
                assertThat(count(db, "SELECT COUNT(*) FROM xf_event WHERE case_id = '" + caseId + "'")).isEqualTo(expectedEvents);
                commits += c.version();
            }
        }
        assertThat(commits).as("commits in the store").isGreaterThanOrEqualTo(acked.values().stream().mapToLong(Long::longValue).sum());
        assertThat(count(db, "SELECT COUNT(*) FROM xf_commit")).isEqualTo(commits);
        assertThat(count(db, "SELECT last_position FROM xf_feed_counter")).isEqualTo(commits);

        List<Change> feed = new ArrayList<>();
        for (List<Change> page = store.changesAfter(0, 100); !page.isEmpty();
             page = store.changesAfter(feed.get(feed.size() - 1).position(), 100)) {
            feed.addAll(page);
        }
        assertThat(feed).as("feed positions 1..N without gaps").extracting(Change::position)
                .containsExactlyElementsOf(JdbcCaseStoreContract.range(1, commits));
        Set<String> fed = new HashSet<>();
        for (Change ch : feed) assertThat(fed.add(ch.caseId() + "/" + ch.version())).as("each commit once").isTrue();
        assertThat(fed).isEqualTo(keys);

        // The store carries on where the writer stopped.
        String caseId = CrashWriter.caseId(0, 0);
        store.commit(Commits.next(store, caseId, 1, b -> b));
        assertThat(store.changesAfter(commits, 10)).hasSize(1);
    }

    private static long count(TestDatabase db, String query) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(query); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
