package io.github.xinfang.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The direct tests on the embedded PostgreSQL server, and the plans of its indexed queries. */
class PostgresJdbcCaseStoreTests extends JdbcCaseStoreContract {
    PostgresJdbcCaseStoreTests() {
        super(TestDatabase.Kind.POSTGRESQL);
    }

    @Test
    void q1_theAttentionQueryAndTheClaimRangeOverThePartialIndexInTheirGenericPlans() throws SQLException {
        try (TestDatabase db = TestDatabase.open(TestDatabase.Kind.POSTGRESQL)) {
            db.store();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET plan_cache_mode = force_generic_plan");
                s.execute("SET enable_seqscan = off");
                s.execute("PREPARE attention(numeric, numeric, numeric, numeric, varchar, varchar, varchar, int) AS"
                        + " SELECT c.case_id FROM xf_case c WHERE c.next_attention_at IS NOT NULL AND c.next_attention_at < $1"
                        + " AND c.next_attention_at >= $2 AND (c.next_attention_at > $3 OR (c.next_attention_at = $4 AND c.case_id > $5))"
                        + " AND c.region_code LIKE $6"
                        + " AND EXISTS (SELECT 1 FROM xf_case_unit u WHERE u.case_id = c.case_id AND u.unit_id = $7)"
                        + " ORDER BY c.next_attention_at, c.case_id LIMIT $8");
                assertThat(plan(s, "EXPLAIN EXECUTE attention(10, 1, 1, 1, 'a', '45%', 'u1', 10)")).contains("xf_case_attention");
                s.execute("PREPARE claim(numeric, numeric, int) AS SELECT c.case_id FROM xf_case c JOIN xf_claim l ON l.case_id = c.case_id"
                        + " WHERE c.next_attention_at IS NOT NULL AND c.next_attention_at < $1"
                        + " AND (l.leased_until IS NULL OR l.leased_until <= $2)"
                        + " ORDER BY c.next_attention_at, c.case_id LIMIT $3 FOR UPDATE OF l SKIP LOCKED");
                assertThat(plan(s, "EXPLAIN EXECUTE claim(10, 5, 10)")).contains("xf_case_attention");
            }
        }
    }

    private static String plan(Statement s, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery(explain)) {
            while (rs.next()) plan.append(rs.getString(1)).append('\n');
        }
        return plan.toString();
    }
}
