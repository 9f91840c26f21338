package io.github.xinfang.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index row's builder requires its columns and checks them; rows are values that round-trip through {@code toBuilder}. */
class IndexRowTests {

    private static IndexRow.Builder complete() {
        return IndexRow.builder("积案-1").version(3).stage("IN_HANDLING").regionCode("440103").handlingUnit("unit-1");
    }

    @Test
    void aCompleteRowKeepsItsColumns() {
        IndexRow row = complete().build();
        assertThat(row.schemaVersion()).isEqualTo(IndexRow.CURRENT_SCHEMA_VERSION);
        assertThat(row.caseId()).isEqualTo("积案-1");
        assertThat(row.version()).isEqualTo(3);
        assertThat(row.stage()).isEqualTo("IN_HANDLING");
        assertThat(row.regionCode()).isEqualTo("440103");
        assertThat(row.handlingUnit()).contains("unit-1");
        assertThat(complete().handlingUnit(null).build().handlingUnit()).isEmpty();
    }

    @Test
    void eachRequiredColumnMustBeSet() {
        assertThatThrownBy(() -> IndexRow.builder("c").stage("S").regionCode("440103").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> IndexRow.builder("c").version(1).regionCode("440103").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> IndexRow.builder("c").version(1).stage("S").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regionCode");
    }

    @Test
    void badColumnsAreRefusedNamingTheColumn() {
        assertThatThrownBy(() -> IndexRow.builder(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("caseId");
        assertThatThrownBy(() -> IndexRow.builder(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseId");
        assertThatThrownBy(() -> complete().version(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> complete().schemaVersion(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> complete().stage(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("stage");
        assertThatThrownBy(() -> complete().regionCode(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("regionCode");
    }

    @Test
    void equalRowsHaveEqualHashCodesAndEveryColumnCounts() {
        IndexRow row = complete().build();
        assertThat(complete().build()).isEqualTo(row).hasSameHashCodeAs(row);
        assertThat(row).isNotEqualTo(null).isNotEqualTo("积案-1");
        assertThat(complete().version(4).build()).isNotEqualTo(row);
        assertThat(complete().stage("CONCLUDED").build()).isNotEqualTo(row);
        assertThat(complete().regionCode("110101").build()).isNotEqualTo(row);
        assertThat(complete().handlingUnit("unit-2").build()).isNotEqualTo(row);
        assertThat(complete().handlingUnit(null).build()).isNotEqualTo(row);
        assertThat(complete().schemaVersion(2).build()).isNotEqualTo(row);
        assertThat(complete().earliestDueAt(Instant.parse("2025-03-01T00:00:00Z")).build()).isNotEqualTo(row);
        assertThat(IndexRow.builder("积案-2").version(3).stage("IN_HANDLING").regionCode("440103")
                .handlingUnit("unit-1").build()).isNotEqualTo(row);
    }

    @Test
    void toBuilderRoundTripsAndDerivesAChangedRowWithoutTouchingTheOriginal() {
        IndexRow row = complete().schemaVersion(2).build();
        assertThat(row.toBuilder().build()).isEqualTo(row).hasSameHashCodeAs(row).isNotSameAs(row);
        assertThat(complete().handlingUnit(null).build().toBuilder().build().handlingUnit()).isEmpty();
        IndexRow next = row.toBuilder().version(4).stage("CONCLUDED").build();
        assertThat(next.version()).isEqualTo(4);
        assertThat(next.stage()).isEqualTo("CONCLUDED");
        assertThat(next.caseId()).isEqualTo(row.caseId());
        assertThat(next.schemaVersion()).isEqualTo(2);
        assertThat(next.regionCode()).isEqualTo(row.regionCode());
        assertThat(next.handlingUnit()).isEqualTo(row.handlingUnit());
        assertThat(row.version()).isEqualTo(3);
        assertThat(row.stage()).isEqualTo("IN_HANDLING");
    }

    @Test
    void theEarliestDueInstantIsOptionalAndRoundTrips() {
        Instant due = Instant.parse("2025-03-01T08:00:00.000000001Z");
        assertThat(complete().build().earliestDueAt()).isEmpty();
        assertThat(complete().build().schemaVersion()).as("a column added with a default keeps the schema version")
                .isEqualTo(1);
        IndexRow row = complete().earliestDueAt(due).build();
        assertThat(row.earliestDueAt()).contains(due);
        assertThat(complete().earliestDueAt(due).build()).isEqualTo(row).hasSameHashCodeAs(row);
        assertThat(complete().earliestDueAt(due.plusNanos(1)).build()).isNotEqualTo(row);
        assertThat(row.toBuilder().build()).isEqualTo(row);
        assertThat(row.toBuilder().version(4).build().earliestDueAt()).contains(due);
        assertThat(row.toBuilder().earliestDueAt(null).build().earliestDueAt()).isEmpty();
        assertThat(row.toString()).contains("earliestDueAt=2025-03-01T08:00:00.000000001Z");
    }

    @Test
    void clockDuesAreSortedByClockNameOnePerNameAndAnswerWhichAreLate() {
        Instant due = Instant.parse("2025-03-01T16:00:00Z");
        ClockDue handling = new ClockDue("HANDLING", due);
        ClockDue telling = new ClockDue("TELLING", due.plusSeconds(86_400));
        ClockDue step = new ClockDue("PLAN_STEP:2.3", due.minusNanos(1));
        IndexRow row = complete().clockDues(List.of(telling, handling, step)).build();
        assertThat(row.clockDues()).containsExactly(handling, step, telling);
        assertThat(complete().build().clockDues()).isEmpty();
        assertThat(complete().build().schemaVersion()).as("a column added with a default keeps the schema version").isEqualTo(1);
        assertThat(row.lateClocks(due.minusNanos(2))).isEmpty();
        assertThat(row.lateClocks(due.minusNanos(1))).containsExactly(step);
        assertThat(row.lateClocks(due)).as("due exactly then: late").containsExactly(handling, step);
        assertThat(row.toBuilder().build()).isEqualTo(row).hasSameHashCodeAs(row);
        assertThat(row.toBuilder().version(4).build().clockDues()).containsExactly(handling, step, telling);
        assertThat(complete().clockDues(List.of(handling)).build()).isNotEqualTo(row);
        assertThat(row.toString()).contains("clockDues=[ClockDue[clock=HANDLING");
        assertThatThrownBy(() -> complete().clockDues(List.of(handling, new ClockDue("HANDLING", due.plusSeconds(1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clockDues");
        assertThatThrownBy(() -> complete().clockDues(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("clockDues");
        assertThatThrownBy(() -> complete().clockDues(java.util.Arrays.asList(handling, null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("clockDues");
        assertThatThrownBy(() -> row.lateClocks(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("asOf");
    }

    @Test
    void aClockDueNamesItsClockAndInstant() {
        Instant due = Instant.parse("2025-03-01T16:00:00Z");
        assertThatThrownBy(() -> new ClockDue(null, due)).isInstanceOf(NullPointerException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> new ClockDue("HANDLING", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dueAt");
        assertThatThrownBy(() -> new ClockDue(" ", due)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> new ClockDue("x".repeat(ClockDue.MAX_CLOCK_LENGTH + 1), due))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
        assertThat(new ClockDue("HANDLING", due).lateAt(due)).isTrue();
        assertThat(new ClockDue("HANDLING", due).lateAt(due.minusNanos(1))).isFalse();
    }

    @Test
    void overdueScopesCheckTheirKeyAndMatchRows() {
        IndexRow row = complete().activeLeader("off-1").build();
        assertThat(OverdueScope.handlingUnit("unit-1").contains(row)).isTrue();
        assertThat(OverdueScope.handlingUnit("unit-2").contains(row)).isFalse();
        assertThat(OverdueScope.regionPrefix("4401").contains(row)).isTrue();
        assertThat(OverdueScope.regionPrefix("4402").contains(row)).isFalse();
        assertThat(OverdueScope.activeLeader("off-1").contains(row)).isTrue();
        assertThat(OverdueScope.activeLeader("off-1").contains(complete().build())).isFalse();
        assertThatThrownBy(() -> OverdueScope.handlingUnit(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("unit");
        assertThatThrownBy(() -> OverdueScope.regionPrefix("44a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> OverdueScope.regionPrefix("4401031")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> OverdueScope.activeLeader(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leader");
    }

    @Test
    void toStringNamesTheColumns() {
        assertThat(complete().build().toString()).contains("caseId=积案-1", "version=3", "stage=IN_HANDLING");
    }
}
