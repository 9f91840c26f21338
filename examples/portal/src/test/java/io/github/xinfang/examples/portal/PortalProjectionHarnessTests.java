package io.github.xinfang.examples.portal;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.service.CaseChange;
import io.github.xinfang.service.CaseHistory;
import io.github.xinfang.spring.boot.CaseChangeHandler;
import io.github.xinfang.testing.Harness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's change-feed projection ({@code portal-case-log} into {@code portal_case_log}) checked with
 * {@code xinfang-testing}'s {@link Harness}: the portal's own handler bean and its Spring Data JDBC repository run on
 * the embedded PostgreSQL server, each change in a transaction at READ COMMITTED as the starter's feed runner hands it;
 * the harness drives generated runs of commands (sweeps, refusals, re-sends and re-delivered feed batches interleaved)
 * through the library and feeds the handler its change feed. After every step, for every case of the run, the log
 * holds exactly the library's history: one row per commit, versions 1..N, the event types in order, each change at
 * its feed position, and no other rows.
 */
@SpringBootTest(properties = {"xinfang.feed.enabled=false", "xinfang.sweep.enabled=false",
        "logging.level.io.github.xinfang.service.DeadlineSweep=warn"})
class PortalProjectionHarnessTests extends OnAFreshDatabase {

    @Autowired
    List<CaseChangeHandler> handlers;

    @Autowired
    CaseLog log;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theCaseLogHoldsEachCasesHistoryOnceInOrderWhateverTheFeedRedelivers() {
        CaseChangeHandler portalCaseLog = handlers.stream().filter(h -> h.follower().equals("portal-case-log")).findFirst().orElseThrow();
        TransactionTemplate batch = new TransactionTemplate(transactions);
        batch.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        Harness.of(lib -> {
                    log.deleteAll();   // a fresh projection for each run (the run's feed starts at position 1)
                    return portalCaseLog;
                })
                .feeding((handler, change) -> batch.executeWithoutResult(tx -> handler.handle(change)))
                .invariant((handler, lib) -> {
                    List<CaseChange> feed = lib.service().changesAfter(0, Integer.MAX_VALUE);
                    long rows = 0;
                    for (CaseId id : lib.cases()) {
                        List<CaseLog.Entry> entries = log.findByCaseIdOrderByPosition(id.value());
                        rows += entries.size();
                        CaseHistory history = lib.service().history(id).orElse(null);
                        long commits = history == null ? 0 : history.version();
                        assertThat(entries).extracting(CaseLog.Entry::version).as("the versions logged for %s", id)
                                .containsExactlyElementsOf(LongStream.rangeClosed(1, commits).boxed().toList());
                        assertThat(entries.stream().flatMap(e -> Arrays.stream(e.events().split(","))).toList())
                                .as("the event types logged for %s", id)
                                .containsExactlyElementsOf(history == null ? List.of()
                                        : history.events().stream().map(CaseEvent::typeName).toList());
                        assertThat(entries).as("the rows of %s against its changes in the feed", id)
                                .extracting(e -> e.position() + "@v" + e.version() + ":" + e.events())
                                .containsExactlyElementsOf(feed.stream().filter(c -> c.caseId().equals(id))
                                        .map(c -> c.position() + "@v" + c.version() + ":" + String.join(",",
                                                c.events().stream().map(CaseEvent::typeName).toList()))
                                        .toList());
                    }
                    assertThat(log.count()).as("the rows in portal_case_log").isEqualTo(rows);
                })
                .run();
    }
}
