package io.github.xinfang.persistence.jdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements built from the {@link IndexColumn} table are the ones the adapter sent when it listed the nine
 * columns by hand, and every dialect's schema declares every column.
 */
class IndexColumnTests {

    @Test
    void theStatementsBuiltFromTheTableAreTheHandWrittenOnes() {
        assertThat(IndexColumn.names("c.")).isEqualTo("c.index_schema_version, c.stage, c.region_code,"
                + " c.handling_unit, c.next_attention_at, c.track_state, c.active_leader, c.lead_unit, c.earliest_due_at,"
                + " c.last_petition_on");
        assertThat(JdbcCaseStore.INSERT_CASE_SQL).isEqualTo("INSERT INTO xf_case (version, last_sequence, index_schema_version,"
                + " stage, region_code, handling_unit, next_attention_at, track_state, active_leader, lead_unit,"
                + " earliest_due_at, last_petition_on, snapshot_version, snapshot_schema_version, snapshot_payload, case_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(JdbcCaseStore.UPDATE_CASE_SQL).isEqualTo("UPDATE xf_case SET version = ?, last_sequence = ?,"
                + " index_schema_version = ?, stage = ?, region_code = ?, handling_unit = ?, next_attention_at = ?,"
                + " track_state = ?, active_leader = ?, lead_unit = ?, earliest_due_at = ?, last_petition_on = ?,"
                + " snapshot_version = ?,"
                + " snapshot_schema_version = ?, snapshot_payload = ? WHERE case_id = ? AND version = ? AND last_sequence = ?");
        assertThat(JdbcCaseStore.UPDATE_CASE_KEEP_SNAPSHOT_SQL).isEqualTo("UPDATE xf_case SET version = ?, last_sequence = ?,"
                + " index_schema_version = ?, stage = ?, region_code = ?, handling_unit = ?, next_attention_at = ?,"
                + " track_state = ?, active_leader = ?, lead_unit = ?, earliest_due_at = ?, last_petition_on = ?"
                + " WHERE case_id = ? AND version = ? AND last_sequence = ?");
        assertThat(JdbcCaseStore.REPLACE_INDEX_ROW_SQL).isEqualTo("UPDATE xf_case SET index_schema_version = ?, stage = ?,"
                + " region_code = ?, handling_unit = ?, next_attention_at = ?, track_state = ?, active_leader = ?,"
                + " lead_unit = ?, earliest_due_at = ?, last_petition_on = ? WHERE case_id = ? AND version = ?");
        assertThat(IndexColumn.COUNT).isEqualTo(10);
    }

    @Test
    void everyDialectsSchemaDeclaresEveryIndexColumn() throws IOException {
        for (Dialect dialect : Dialect.values()) {
            StringBuilder scripts = new StringBuilder();
            for (int v = 1; v <= JdbcCaseStore.SCHEMA_VERSION; v++) {
                try (InputStream in = JdbcCaseStore.class.getClassLoader().getResourceAsStream(dialect.migrationScript(v))) {
                    assertThat(in).as("%s script %d", dialect, v).isNotNull();
                    scripts.append(new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT));
                }
            }
            for (IndexColumn c : IndexColumn.values()) {
                assertThat(scripts).as("the %s schema declares %s", dialect, c.column()).contains(c.column() + " ");
                assertThat(c.sqlType()).isIn(Types.INTEGER, Types.VARCHAR, Types.DECIMAL, Types.DATE);
            }
        }
    }
}
