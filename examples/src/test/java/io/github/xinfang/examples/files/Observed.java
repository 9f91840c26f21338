package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.AppliedCommand;
import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.Change;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredCase;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a store answers about a list of commits, through every port: each case as loaded, its index row, each
 * idempotency key's applied command, the whole change feed, every row needing attention and every case a report from
 * the epoch on counts. Two stores holding the same commits are observed equal.
 *
 * @param cases each case id of the commits, as loaded
 * @param rows each case's index row
 * @param applied each (case id, key) of the commits' applied command
 * @param feed the change feed from the start
 * @param attention the rows needing attention before 2100
 * @param touching the cases a report from the epoch on may count
 */
record Observed(Map<String, Optional<StoredCase>> cases, Map<String, Optional<IndexRow>> rows,
                Map<String, Optional<AppliedCommand>> applied, List<Change> feed, List<IndexRow> attention,
                List<StoredCase> touching) {

    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    static Observed of(FileCaseStore store, List<CaseCommit> commits) {
        Map<String, Optional<StoredCase>> cases = new LinkedHashMap<>();
        Map<String, Optional<IndexRow>> rows = new LinkedHashMap<>();
        Map<String, Optional<AppliedCommand>> applied = new LinkedHashMap<>();
        for (CaseCommit c : commits) {
            cases.put(c.caseId(), store.load(c.caseId()));
            rows.put(c.caseId(), store.indexRow(c.caseId()));
            applied.put(c.caseId() + " " + c.idempotencyKey(), store.findApplied(c.caseId(), c.idempotencyKey()));
        }
        return new Observed(cases, rows, applied, store.changesAfter(0, Integer.MAX_VALUE),
                store.needingAttention(AttentionQuery.firstPage(FAR, AttentionQuery.MAX_LIMIT)),
                store.touching("", Instant.EPOCH, null, Integer.MAX_VALUE));
    }
}
