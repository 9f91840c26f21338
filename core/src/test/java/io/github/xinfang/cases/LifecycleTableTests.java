package io.github.xinfang.cases;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        if (Boolean.getBoolean("xinfang.writeLifecycleDoc")) {
            Files.writeString(COMMITTED, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/lifecycle.md differs from LifecycleTable.procedure().toMarkdown(); "
                        + "regenerate with mvn -pl core test -Dtest=LifecycleTableTests -Dxinfang.writeLifecycleDoc=true")
                .isEqualTo(rendered);
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
        // terminal stages only repeat petitions (not MERGED), follow-up visits (TERMINATED) and supervision feedback; the
        // sweep's records apply anywhere; supervision is allowed by the table everywhere and refused by its SUPERVISABLE guard.
        Set<Class<?>> everywhere = Set.of(SweepCommand.RecordWarning.class, SweepCommand.RecordBreach.class, SweepCommand.RecordLapse.class,
                SweepCommand.RecordDutyWarning.class, SweepCommand.RecordDutyBreach.class, ActivityCommand.RecordSupervisionFeedback.class,
                ActivityCommand.IssueSupervision.class);
        for (LifecycleTable.Row row : LifecycleTable.procedure().rows()) {
            if (!row.inForce()) continue;
            for (Stage s : Stage.values()) {
                if (s.kind() == Stage.Kind.OPEN) continue;
                boolean expected = everywhere.contains(row.type())
                        || (s == Stage.FINAL && row.type() == ProcedureCommand.Terminate.class)
                        || (s != Stage.MERGED && row.type() == ActivityCommand.RecordRepeatPetition.class)
                        || ((s == Stage.FINAL || s == Stage.TERMINATED) && row.type() == ActivityCommand.RecordFollowUpVisit.class);
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
            boolean leavesOpen = row.startsFrom(TrackState.OPEN) && row.next(TrackState.OPEN) != TrackState.OPEN;
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

    /** Each guard names its rule in both languages and the codes it answers with; the deciders assert the codes. */
    @Test
    void everyGuardStatesItsRuleAndCodes() {
        java.util.List<GuardText> guards = new java.util.ArrayList<>(java.util.List.of(LifecycleTable.Guard.values()));
        guards.addAll(java.util.List.of(ResolutionTable.Guard.values()));
        assertThat(guards).allSatisfy(g -> {
            assertThat(g.codes()).as(g.name()).isNotEmpty();
            assertThat(g.rule()).as(g.name()).isNotBlank().doesNotContain("{@").endsWith(".");
            assertThat(g.ruleChinese()).as(g.name()).isNotBlank().matches(".*\\p{IsHan}.*");
        });
    }
}
