package io.github.xinfang.time;

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
        List<ClockId> clocks = ClockTable.rows().stream().map(ClockTable.Row::clock).toList();
        assertThat(clocks).containsExactly(ClockId.values());
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
            assertThat(r.action(Fact.ENDED)).as("%s on ENDED", r.clock()).isEqualTo(ClockTable.Action.STOP);
        }
    }

    /** The ledger follows the table: a started run is met, stopped, paused, resumed or extended by the row's facts. */
    @Test
    void theLedgerDoesWhatTheRowSays() {
        java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 2);
        for (ClockTable.Row r : ClockTable.rows()) {
            Fact start = r.facts().get(ClockTable.Action.START).iterator().next();
            for (Fact f : Fact.values()) {
                ClockLedger started = ClockLedger.empty().apply(start, day, 0);
                if (r.action(Fact.HEARING_CLOSED) == ClockTable.Action.RESUME && f == Fact.HEARING_CLOSED) {
                    started = started.apply(Fact.HEARING_OPENED, day, 0);
                }
                ClockLedger.ClockRun before = started.run(r.clock()).orElseThrow();
                ClockLedger after = started.apply(f, day.plusDays(1), 5);
                ClockLedger.ClockRun run = after.run(r.clock()).orElseThrow();
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
