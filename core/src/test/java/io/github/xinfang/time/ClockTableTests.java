package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Obligation.ClockId;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import io.github.xinfang.testing.CommittedDocs;
import org.junit.jupiter.api.Test;

/** The clock table is complete, and docs/clocks.md is its rendering. */
class ClockTableTests {
    /** The committed rendering, relative to the core module (surefire's working directory). */
    static final Path COMMITTED = Path.of("..", "docs", "clocks.md");

    @Test
    void theCommittedMarkdownIsTheClockTable() throws IOException {
        CommittedDocs.assertIsRendering(COMMITTED, ClockTable.toMarkdown(), "xinfang.writeClocksDoc", ClockTableTests.class);
    }

    @Test
    void everyClockHasOneRowAndEveryFactMovesAClock() {
        List<ClockId> clocks = ClockTable.rows().stream().map(ClockTable.Row::clock).filter(java.util.Objects::nonNull).toList();
        assertThat(clocks).containsExactly(ClockId.values());
        List<DutyId.Kind> duties = ClockTable.rows().stream().map(ClockTable.Row::duty).filter(java.util.Objects::nonNull).toList();
        assertThat(duties).containsExactly(DutyId.Kind.values());
        Set<Fact> moving = EnumSet.noneOf(Fact.class);
        for (ClockTable.Row r : ClockTable.rows()) r.facts().values().forEach(moving::addAll);
        moving.add(Fact.ENDED);
        assertThat(moving).containsExactlyInAnyOrder(Fact.values());
    }

    @Test
    void everyClockStartsSomewhereAndEndsEverywhere() {
        for (ClockTable.Row r : ClockTable.rows()) {
            assertThat(r.facts().get(ClockTable.Action.START)).as("%s starts", r.clock()).isNotEmpty();
            assertThat(r.facts().get(ClockTable.Action.MEET)).as("%s is met", r.clock()).isNotEmpty();
            // the table default stops every profile clock; a duty runs on (its own facts end it)
            assertThat(r.action(Fact.ENDED)).as("%s on ENDED", r.name()).isEqualTo(r.clock() != null ? ClockTable.Action.STOP : null);
        }
    }

    /** A duty row's facts: the kind-wide ones meet or stop every open duty of the kind; a start or a named fact, none. */
    @Test
    void theLedgerDoesWhatADutyRowSays() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        for (ClockTable.Row r : ClockTable.rows()) {
            if (r.duty() == null) continue;
            DutyId one = new DutyId(r.duty(), "1");
            DutyId two = new DutyId(r.duty(), "2");
            Obligations started = Obligations.empty().start(Obligation.dueOn(one, day, day.plusDays(30)))
                    .start(Obligation.within(two, day, io.github.xinfang.calendar.TimeLimit.workingDays(5)));
            for (Fact f : Fact.values()) {
                Obligations after = started.apply(f, day.plusDays(1), 0);
                ClockTable.Action a = r.action(f);
                for (DutyId id : List.of(one, two)) {
                    Obligation before = started.of(id).orElseThrow();
                    Obligation duty = after.of(id).orElseThrow();
                    String what = id + " on " + f;
                    if (a == null || a == ClockTable.Action.START || r.named().contains(f)) assertThat(duty).as(what).isEqualTo(before);
                    else if (a == ClockTable.Action.MEET) assertThat(duty.metOn()).as(what).isEqualTo(day.plusDays(1));
                    else assertThat(duty.stopped()).as(what).isTrue();
                }
                if (r.named().contains(f)) {
                    assertThat(started.meet(one, day.plusDays(1)).of(one).orElseThrow().metOn()).as("%s meets %s", f, one)
                            .isEqualTo(day.plusDays(1));
                    assertThat(started.meet(one, day.plusDays(1)).of(two)).as("%s leaves %s", f, two).isEqualTo(started.of(two));
                }
            }
        }
    }

    /** The ledger follows the table: a started run is met, stopped, paused, resumed or extended by the row's facts. */
    @Test
    void theLedgerDoesWhatTheRowSays() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        for (ClockTable.Row r : ClockTable.rows()) {
            if (r.clock() == null) continue;
            Fact start = r.facts().get(ClockTable.Action.START).iterator().next();
            for (Fact f : Fact.values()) {
                Obligations started = Obligations.empty().apply(start, day, 0);
                if (r.action(Fact.HEARING_CLOSED) == ClockTable.Action.RESUME && f == Fact.HEARING_CLOSED) {
                    started = started.apply(Fact.HEARING_OPENED, day, 0);
                }
                Obligation before = started.of(r.clock()).orElseThrow();
                Obligations after = started.apply(f, day.plusDays(1), 5);
                Obligation run = after.of(r.clock()).orElseThrow();
                ClockTable.Action a = r.action(f);
                String what = r.clock() + " on " + f;
                if (a == null) assertThat(run).as(what).isEqualTo(before);
                else switch (a) {
                    case START -> assertThat(run.round()).as(what).isEqualTo(before.round() + 1);
                    case MEET -> assertThat(run.metOn()).as(what).isEqualTo(day.plusDays(1));
                    case STOP -> assertThat(run.stopped()).as(what).isTrue();
                    case PAUSE -> assertThat(run.pausedSince()).as(what).isEqualTo(day.plusDays(1));
                    case RESUME -> assertThat(run.pausedSince()).as(what).isNull();
                    case EXTEND -> assertThat(run.extensionDays()).as(what).isEqualTo(5);
                }
            }
        }
    }
}
