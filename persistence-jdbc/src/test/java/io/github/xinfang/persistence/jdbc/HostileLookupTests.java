package io.github.xinfang.persistence.jdbc;

import io.github.xinfang.persistence.AttentionQuery;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Look-ups by a string no database can hold (NUL, an unpaired surrogate) match nothing on every store, as in memory,
 * instead of failing on PostgreSQL alone or matching a {@code ?} that H2 or MariaDB stored.
 */
class HostileLookupTests {
    private static final List<String> HOSTILE = List.of("k\u0000", "\u0000", "E3\uD800", "\uDC00x", "a\uDBFF\uD800b");
    private static final Instant AT = Instant.parse("2026-06-30T00:00:00Z");

    @Test
    void everyLookUpByAStringNoDatabaseCanHoldMatchesNothingOnEveryStore() {
        List<Object> answers = new ArrayList<>();
        List<Object> stores = new ArrayList<>();
        stores.add(InMemoryCaseStore.create());
        List<TestDatabase> dbs = new ArrayList<>();
        for (TestDatabase.Kind kind : List.of(TestDatabase.Kind.H2_MEMORY, TestDatabase.Kind.POSTGRESQL,
                TestDatabase.Kind.MARIADB, TestDatabase.Kind.MARIADB_MYSQL_DRIVER)) {
            TestDatabase db = TestDatabase.open(kind);
            dbs.add(db);
            stores.add(JdbcCaseStore.create(db.pool(2), db.dialect()).migrate());
        }
        try {
            for (Object store : stores) {
                List<Object> seen = new ArrayList<>();
                for (String s : HOSTILE) {
                    if (store instanceof InMemoryCaseStore m) {
                        seen.add(List.of(m.load(s), m.findApplied("c", s), m.findApplied(s, "k"), m.indexRow(s),
                                m.needingAttention(AttentionQuery.firstPage(AT, 10).involving(s)),
                                m.byActiveLeader(s, null, 10), m.byLeadUnit(s, null, 10), m.byBatch(s, null, 10),
                                m.workload(s, AT), m.release(s, "node")));
                    } else {
                        JdbcCaseStore j = (JdbcCaseStore) store;
                        seen.add(List.of(j.load(s), j.findApplied("c", s), j.findApplied(s, "k"), j.indexRow(s),
                                j.needingAttention(AttentionQuery.firstPage(AT, 10).involving(s)),
                                j.byActiveLeader(s, null, 10), j.byLeadUnit(s, null, 10), j.byBatch(s, null, 10),
                                j.workload(s, AT), j.release(s, "node")));
                    }
                }
                answers.add(seen);
            }
        } finally {
            dbs.forEach(TestDatabase::close);
        }
        assertThat(answers).hasSize(5);
        for (int i = 1; i < answers.size(); i++) assertThat(answers.get(i)).as("store %s", i).isEqualTo(answers.get(0));
    }
}
