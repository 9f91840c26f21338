package io.github.xinfang.cases;

import io.github.xinfang.testing.CommittedDocs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTableTests {
    /** The committed rendering, relative to the core module (surefire's working directory). */
    static final Path COMMITTED = Path.of("..", "docs", "lifecycle.md");

    @Test
    void theCommittedMarkdownIsTheCodesTable() throws IOException {
        String rendered = LifecycleTable.procedure().toMarkdown() + "\n" + ResolutionTable.resolution().toMarkdown();
        CommittedDocs.assertIsRendering(COMMITTED, rendered, "xinfang.writeLifecycleDoc", LifecycleTableTests.class);
    }

    @Test
    void everyCommandTypeHasExactlyOneRowInForce() {
        Set<Class<?>> permitted = Arrays.stream(io.github.xinfang.testing.Sealed.leaves(CaseCommand.class)).collect(Collectors.toSet());
        Set<Class<?>> inTable = new HashSet<>();
        for (LifecycleTable.Row row : LifecycleTable.procedure().rows()) {
            if (row.inForce()) assertThat(inTable.add(row.type())).as(row.command()).isTrue();
        }
        for (ResolutionTable.Row row : ResolutionTable.resolution().rows()) {
            assertThat(inTable.add(row.type())).as(row.command()).isTrue();
        }
        assertThat(inTable).isEqualTo(permitted);
    }

    @Test
    void closedAndTerminalStagesAcceptOnlyWhatDesignListsForThem() {
        // DESIGN.md section 5: FINAL accepts only terminate, repeat petitions, follow-up visits and supervision feedback;
        // terminal stages only repeat petitions (not MERGED), follow-up visits and ratings (TERMINATED) and supervision feedback; the
        // sweep's records apply anywhere; supervision is allowed by the table everywhere and refused by its SUPERVISABLE guard;
        // the petition's subject tags (metadata for cluster warnings, not a step of the procedure) may be corrected anywhere.
        Set<Class<?>> everywhere = Set.of(SweepCommand.RecordWarning.class, SweepCommand.RecordBreach.class, SweepCommand.RecordLapse.class,
                ActivityCommand.RecordSupervisionFeedback.class,
                ActivityCommand.IssueSupervision.class, ActivityCommand.CorrectSubjectTags.class);
        for (LifecycleTable.Row row : LifecycleTable.procedure().rows()) {
            if (!row.inForce()) continue;
            for (Stage s : Stage.values()) {
                if (s.kind() == Stage.Kind.OPEN) continue;
                boolean expected = everywhere.contains(row.type())
                        || (s == Stage.FINAL && row.type() == ProcedureCommand.Terminate.class)
                        || (s != Stage.MERGED && row.type() == ActivityCommand.RecordRepeatPetition.class)
                        || ((s == Stage.FINAL || s == Stage.TERMINATED) && (row.type() == ActivityCommand.RecordFollowUpVisit.class
                                || row.type() == ActivityCommand.RateHandling.class));
                assertThat(LifecycleTable.procedure().allows(s, row.type())).as(row.command() + " from " + s).isEqualTo(expected);
            }
        }
    }

    @Test
    void designationAndEnrolmentAreRefusedOnlyInWithdrawnTransferredOutAndMergedCases() {
        Set<Stage> refused = Set.of(Stage.WITHDRAWN, Stage.TRANSFERRED_OUT, Stage.MERGED);
        for (Stage s : Stage.values()) {
            for (Class<? extends CaseCommand> type : List.of(ResolutionCommand.DesignateBacklog.class, ResolutionCommand.EnrolInBatch.class)) {
                assertThat(ResolutionTable.resolution().allows(s, null, type)).as(type.getSimpleName() + " in " + s)
                        .isEqualTo(!refused.contains(s));
            }
        }
    }

    @Test
    void onlyDesignationAndEnrolmentPutACaseOnTheTrackAndOnlyAssignmentLeavesOpen() {
        for (ResolutionTable.Row row : ResolutionTable.resolution().rows()) {
            boolean starts = row.type() == ResolutionCommand.DesignateBacklog.class || row.type() == ResolutionCommand.EnrolInBatch.class;
            assertThat(row.fromNone()).as(row.command()).isEqualTo(starts);
            boolean leavesOpen = row.startsFrom(Resolution.TrackState.OPEN) && row.next(Resolution.TrackState.OPEN) != Resolution.TrackState.OPEN;
            assertThat(leavesOpen).as(row.command()).isEqualTo(row.type() == ResolutionCommand.AssignPackageLeader.class);
        }
    }

    @Test
    void onlyRegisterAndImportStartACase() {
        for (LifecycleTable.Row row : LifecycleTable.procedure().rows()) {
            if (row.inForce()) {
                assertThat(LifecycleTable.procedure().allows(null, row.type()))
                        .isEqualTo(row.type() == ProcedureCommand.Register.class || row.type() == ProcedureCommand.Import.class);
            }
        }
    }

    /** Each guard names its rule in both languages and the codes it answers with; the guards assert the codes. */
    @Test
    void everyGuardStatesItsRuleAndCodes() {
        java.util.List<Guard<?>> guards = new java.util.ArrayList<>(LifecycleTable.guards());
        guards.addAll(ResolutionTable.guards());
        assertThat(guards).allSatisfy(g -> {
            assertThat(g.codes()).as(g.name()).isNotEmpty();
            assertThat(g.rule()).as(g.name()).isNotBlank().doesNotContain("{@").endsWith(".");
            assertThat(g.ruleChinese()).as(g.name()).isNotBlank().matches(".*\\p{IsHan}.*");
        });
    }

    /** A table's guard list is its guard constants, each named after its field, none forgotten (docs render the list). */
    @Test
    void everyGuardConstantIsListedUnderItsOwnName() throws IllegalAccessException {
        for (Class<?> table : java.util.List.of(LifecycleTable.class, ResolutionTable.class)) {
            java.util.List<Guard<?>> listed = table == LifecycleTable.class ? LifecycleTable.guards() : ResolutionTable.guards();
            java.util.List<Object> declared = new java.util.ArrayList<>();
            for (java.lang.reflect.Field f : table.getDeclaredFields()) {
                if (f.getType() != Guard.class) continue;
                Guard<?> g = (Guard<?>) f.get(null);
                assertThat(g.name()).isEqualTo(f.getName());
                declared.add(g);
            }
            java.util.List<Object> own = new java.util.ArrayList<>(listed);
            if (table == ResolutionTable.class) own.remove(LifecycleTable.ACTOR_NOT_ACCUSED);   // the shared default
            assertThat(own).as(table.getSimpleName()).containsExactlyInAnyOrderElementsOf(declared);
        }
    }

    /**
     * The table defaults run on every row and are listed on none: no accused party acts (first after the stage and
     * who-may-act guards), and a dated fact is not before the earlier facts (before the content rules), exactly on the
     * rows that record a dated fact; each row's own guards run in their phases' order.
     */
    @Test
    void theDefaultsRunOnEveryRowInTheirPlace() {
        java.util.List<TableRow> rows = new java.util.ArrayList<>(LifecycleTable.procedure().rows());
        rows.addAll(ResolutionTable.resolution().rows());
        for (TableRow row : rows) {
            Guard<?> dated = row instanceof LifecycleTable.Row ? LifecycleTable.FACT_NOT_BEFORE_EARLIER_FACTS
                    : ResolutionTable.FACT_NOT_BEFORE_EARLIER_FACTS;
            assertThat(row.guards()).as(row.command()).doesNotContain(LifecycleTable.ACTOR_NOT_ACCUSED, dated);
            java.util.List<Guard<?>> checks = row.checks();
            assertThat(checks).as(row.command()).contains(LifecycleTable.ACTOR_NOT_ACCUSED);
            assertThat(checks.contains(dated)).as(row.command()).isEqualTo(row.behaviour().dated());
            assertThat(checks).as(row.command()).hasSize(row.guards().size() + (row.behaviour().dated() ? 2 : 1));
            int actor = checks.indexOf(LifecycleTable.ACTOR_NOT_ACCUSED);
            for (int i = 0; i < checks.size(); i++) {
                Guard<?> g = checks.get(i);
                if (g == LifecycleTable.ACTOR_NOT_ACCUSED || g == dated) continue;
                boolean early = g.phase() == Guard.Phase.STAGE || g.phase() == Guard.Phase.WHO;
                assertThat(i < actor).as(row.command() + " " + g).isEqualTo(early);
                if (row.behaviour().dated()) assertThat(i < checks.indexOf(dated)).as(row.command() + " " + g).isEqualTo(g.phase() != Guard.Phase.RULE);
                if (i > 0 && checks.get(i - 1).phase().compareTo(g.phase()) > 0 && checks.get(i - 1) != dated
                        && checks.get(i - 1) != LifecycleTable.ACTOR_NOT_ACCUSED) {
                    throw new AssertionError(row.command() + ": " + checks.get(i - 1) + " runs before " + g + " of an earlier phase");
                }
            }
        }
    }
}
