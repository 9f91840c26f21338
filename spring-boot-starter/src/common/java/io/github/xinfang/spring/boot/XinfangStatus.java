package io.github.xinfang.spring.boot;

import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseQuery;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the health indicator of each Boot line reports, computed the same way on both: the schema version against the
 * store's (a JDBC store), the last sweep's age and failure, the due backlog (cases whose warning, breach or lapse
 * is due and not yet recorded, counted up to {@value #BACKLOG_CAP}), and per change-feed follower its position, its
 * lag behind the feed's head and its last poll's age and failure (as of that poll: nothing is read for them here).
 * Down when the schema is not at the store's version, the database cannot be read, the last sweep failed, or a
 * follower's last poll failed. Names and numbers only. Thread-safe.
 */
final class XinfangStatus {
    static final int BACKLOG_CAP = 1000;

    /**
     * One check's result.
     *
     * @param up whether everything checked is well
     * @param details what was found, by name
     */
    record Snapshot(boolean up, Map<String, Object> details) {}

    private final CaseStore store;
    private final Supplier<Optional<SweepRunner>> sweep;
    private final Supplier<Optional<FeedRunner>> feed;
    private final InstantSource clock;

    XinfangStatus(CaseStore store, Supplier<Optional<SweepRunner>> sweep, Supplier<Optional<FeedRunner>> feed, InstantSource clock) {
        this.store = store;
        this.sweep = sweep;
        this.feed = feed;
        this.clock = clock;
    }

    Snapshot check() {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        details.put("store", store.getClass().getSimpleName());
        try {
            if (store instanceof JdbcCaseStore jdbc) {
                int found = jdbc.schemaVersion();
                details.put("schemaVersion", found);
                details.put("schemaVersionExpected", JdbcCaseStore.SCHEMA_VERSION);
                up = found == JdbcCaseStore.SCHEMA_VERSION;
            }
            if (store instanceof CaseQuery query) {
                int due = query.needingAttention(AttentionQuery.firstPage(now, BACKLOG_CAP)).size();
                details.put("dueBacklog", due);
                if (due >= BACKLOG_CAP) details.put("dueBacklogAtLeast", true);
            }
        } catch (RuntimeException e) {
            details.put("error", e.getClass().getName());   // its message may quote the database; the class says enough
            up = false;
        }
        Optional<SweepRunner.Outcome> last = sweep.get().flatMap(SweepRunner::last);
        if (last.isPresent()) {
            details.put("lastSweepAt", last.get().at().toString());
            details.put("lastSweepAgeSeconds", Math.max(0, Duration.between(last.get().at(), now).toSeconds()));
            if (last.get().failure() != null) {
                details.put("lastSweepFailure", last.get().failure().getClass().getName());
                up = false;
            } else {
                details.put("lastSweepRecorded", last.get().report().recorded());
            }
        }
        Optional<FeedRunner> runner = feed.get();
        if (runner.isPresent()) {
            Map<String, Object> followers = new LinkedHashMap<>();
            for (String name : runner.get().followers()) {
                Map<String, Object> f = new LinkedHashMap<>();
                Optional<FeedRunner.Status> status = runner.get().status(name);
                if (status.isEmpty()) {
                    f.put("polled", false);
                } else {
                    FeedRunner.Status s = status.get();
                    s.position().ifPresent(p -> f.put("position", p));
                    s.lag().ifPresent(l -> f.put("lag", l));
                    f.put("lastPollAt", s.at().toString());
                    f.put("lastPollAgeSeconds", Math.max(0, Duration.between(s.at(), now).toSeconds()));
                    if (s.failure() != null) {
                        f.put("lastPollFailure", s.failure().getClass().getName());   // its message may quote data; the class says enough
                        up = false;
                    }
                }
                followers.put(name, f);
            }
            details.put("feed", followers);
        }
        return new Snapshot(up, details);
    }
}
