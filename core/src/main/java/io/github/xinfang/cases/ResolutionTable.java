package io.github.xinfang.cases;

import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import static io.github.xinfang.cases.RowBehaviour.on;
import static io.github.xinfang.cases.RowBehaviour.undated;

import java.util.function.BiFunction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The resolution track's lifecycle as one table (积案化解, DESIGN.md section 5): for each command, the track
 * states it may start from (including "not on the track"), the track state it leads to, the procedure stages
 * it is allowed in, and the named guards that run after the table allows it.
 *
 * <p>Decisions look the table up first ({@code ILLEGAL_TRANSITION} if there is no row for the track state or
 * the procedure stage), then run the row's guards in order. The one instance, {@link #resolution()}, is
 * immutable and shared; thread-safe.
 *
 * @since 0.2
 */
public final class ResolutionTable {

    // The guards (Guard). Each is typed to the commands it reads; the table defaults ACTOR_NOT_ACCUSED (the procedure
    // table's) and FACT_NOT_BEFORE_EARLIER_FACTS run on every row (the second on rows that record a dated fact).

    /** The fact's date is not before the track's earlier facts ({@code VALIDATION}). A table default on rows that record a dated fact. */
    public static final Guard<CaseCommand> FACT_NOT_BEFORE_EARLIER_FACTS = Guard.of("FACT_NOT_BEFORE_EARLIER_FACTS", Guard.Phase.RULE,
            "The fact's date is not before the track's earlier facts.",
            "事实日期不得早于化解轨道此前的事实日期", ResolutionGuards::factNotBeforeEarlierFacts, Rejection.Code.VALIDATION);

    /** The case is not in that batch yet ({@code ILLEGAL_TRANSITION}). */
    public static final Guard<ResolutionCommand.EnrolInBatch> NOT_YET_IN_BATCH = Guard.of("NOT_YET_IN_BATCH", Guard.Phase.RULE,
            "The case is not in that batch yet.",
            "该事项尚未列入该批次", ResolutionGuards::notYetInBatch, Rejection.Code.ILLEGAL_TRANSITION);

    /** The case is not flagged a hard case yet ({@code ILLEGAL_TRANSITION}). */
    public static final Guard<ResolutionCommand.FlagHardCase> NOT_YET_HARD_CASE = Guard.of("NOT_YET_HARD_CASE", Guard.Phase.RULE,
            "The case is not flagged a hard case yet.",
            "该事项尚未标记为疑难案件", ResolutionGuards::notYetHardCase, Rejection.Code.ILLEGAL_TRANSITION);

    /** Neither the leader, the lead unit, a task-force member nor a co-unit is or belongs to an accused party ({@code ACCUSED_PARTY}). */
    public static final Guard<ResolutionCommand> ASSIGNEES_NOT_ACCUSED = Guard.of("ASSIGNEES_NOT_ACCUSED", Guard.Phase.RULE,
            "Neither the leader, the lead unit, a task-force member nor a co-unit is or belongs to an accused party.",
            "包案领导、牵头单位、专班成员和协办单位均不得为被反映对象或属于被反映单位", ResolutionGuards::assigneesNotAccused, Rejection.Code.ACCUSED_PARTY);

    /** The leader's rank is on the ladder ({@code VALIDATION}) and at least the required rank ({@code RANK_TOO_LOW}). */
    public static final Guard<ResolutionCommand> LEADER_RANK_SUFFICIENT = Guard.of("LEADER_RANK_SUFFICIENT", Guard.Phase.RULE,
            "The leader's rank is on the ladder and at least the required rank.",
            "包案领导的职级在职级序列内且不低于所需职级", ResolutionGuards::leaderRankSufficient, Rejection.Code.VALIDATION, Rejection.Code.RANK_TOO_LOW);

    /** A plan is in force ({@code ILLEGAL_TRANSITION}), it has that step ({@code VALIDATION}), and the step is not done yet ({@code ILLEGAL_TRANSITION}). */
    public static final Guard<ResolutionCommand.MarkPlanStepDone> PLAN_STEP_OPEN = Guard.of("PLAN_STEP_OPEN", Guard.Phase.RULE,
            "A plan is in force, it has that step, and the step is not done yet.",
            "已有化解方案，方案中有该步骤且尚未完成", ResolutionGuards::planStepOpen, Rejection.Code.ILLEGAL_TRANSITION, Rejection.Code.VALIDATION);

    /** The approver is not the claimant ({@code SAME_ACTOR}). */
    public static final Guard<ResolutionCommand.ApproveResolution> APPROVER_NOT_CLAIMANT = Guard.of("APPROVER_NOT_CLAIMANT", Guard.Phase.RULE,
            "The approver is not the claimant.",
            "审核人不得为申报化解人", ResolutionGuards::approverNotClaimant, Rejection.Code.SAME_ACTOR);

    /** The approver is an official of the batch's issuing level or of the petition office, per the portal's {@link RankLadder.ApprovalRule} ({@code NOT_AUTHORISED}). @since 0.2 */
    public static final Guard<ResolutionCommand.ApproveResolution> APPROVER_AUTHORISED = Guard.of("APPROVER_AUTHORISED", Guard.Phase.RULE,
            "The approver is an official of the batch's issuing level or of the petition office, per the portal's ApprovalRule.",
            "审核人须为批次发布层级或信访部门的工作人员（按门户的审核规则）", ResolutionGuards::approverAuthorised, Rejection.Code.NOT_AUTHORISED);

    /** Only the deadline sweep (a system actor) asks for it ({@code NOT_AUTHORISED}). @since 0.2 */
    public static final Guard<ResolutionCommand.ReassessEscalation> SWEEP_ONLY = Guard.of("SWEEP_ONLY", Guard.Phase.WHO,
            "Only the deadline sweep (a system actor) asks for it.",
            "仅由期限巡检（系统）提出", ResolutionGuards::sweepOnly, Rejection.Code.NOT_AUTHORISED);

    /** An escalation rule newly fires: the required rank rises ({@code ILLEGAL_TRANSITION}). @since 0.2 */
    public static final Guard<ResolutionCommand.ReassessEscalation> RANK_RISES = Guard.of("RANK_RISES", Guard.Phase.RULE,
            "An escalation rule newly fires: the required rank rises.",
            "有新触发的提级包案规则，所需职级提高", ResolutionGuards::rankRises, Rejection.Code.ILLEGAL_TRANSITION);

    private static final List<Guard<?>> GUARDS = List.of(LifecycleTable.ACTOR_NOT_ACCUSED, FACT_NOT_BEFORE_EARLIER_FACTS,
            NOT_YET_IN_BATCH, NOT_YET_HARD_CASE, ASSIGNEES_NOT_ACCUSED, LEADER_RANK_SUFFICIENT, PLAN_STEP_OPEN,
            APPROVER_NOT_CLAIMANT, APPROVER_AUTHORISED, SWEEP_ONLY, RANK_RISES);

    /**
     * One row of the table: the command, its Chinese name, the track states it moves from and to or stays in, the
     * procedure stages it is allowed in and its guards; inside the package also the date of the legal fact it records
     * and the event it emits. Immutable.
     *
     * @since 0.2
     */
    public static final class Row extends TableRow {
        private final boolean fromNone;
        private final Set<Resolution.TrackState> from;
        private final Resolution.TrackState to;
        private final Set<Resolution.TrackState> stays;
        private final Set<Stage> stages;

        Row(String command, String chinese, Class<? extends CaseCommand> type, boolean fromNone, Set<Resolution.TrackState> from,
            Resolution.TrackState to, Set<Resolution.TrackState> stays, Set<Stage> stages, List<? extends Guard<?>> guards, RowBehaviour<?> behaviour) {
            super(command, chinese, Objects.requireNonNull(type, "type"), guards, behaviour, LifecycleTable.ACTOR_NOT_ACCUSED,
                    FACT_NOT_BEFORE_EARLIER_FACTS);
            this.fromNone = fromNone;
            this.from = copy(Objects.requireNonNull(from, "from"), Resolution.TrackState.class);
            this.to = to;
            this.stays = copy(Objects.requireNonNull(stays, "stays"), Resolution.TrackState.class);
            this.stages = copy(Objects.requireNonNull(stages, "stages"), Stage.class);
        }

        /** @return whether it may start on a case that is not on the track */
        public boolean fromNone() {
            return fromNone;
        }

        /** @return the track states it moves from, to {@link #to()} */
        public Set<Resolution.TrackState> from() {
            return from;
        }

        /** @return the track state it leads to from {@link #fromNone()} and {@link #from()}, or null */
        public Resolution.TrackState to() {
            return to;
        }

        /** @return the track states it may start from and stays in */
        public Set<Resolution.TrackState> stays() {
            return stays;
        }

        /** @return the procedure stages it is allowed in */
        public Set<Stage> stages() {
            return stages;
        }

        /**
         * @param track the track state, or null when the case is not on the track
         * @return whether the row starts from there
         */
        public boolean startsFrom(Resolution.TrackState track) {
            return track == null ? fromNone : from.contains(track) || stays.contains(track);
        }

        /**
         * @param track a track state the row starts from, or null
         * @return the track state it leads to
         */
        public Resolution.TrackState next(Resolution.TrackState track) {
            return track != null && stays.contains(track) ? track : to;
        }

        @Override
        public String toString() {
            return "Row[" + command() + " " + from + " -> " + to + ", stays " + stays + " " + guards() + "]";
        }

        private static <E extends Enum<E>> Set<E> copy(Set<E> set, Class<E> type) {
            return Collections.unmodifiableSet(set.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(set));
        }
    }

    private static final ResolutionTable RESOLUTION = build();

    private final List<Row> rows;
    private final Map<Class<? extends CaseCommand>, Row> byType;

    private ResolutionTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        Map<Class<? extends CaseCommand>, Row> m = new HashMap<>();
        for (Row r : rows) if (m.put(r.type(), r) != null) throw new IllegalStateException("two rows for " + r.command());
        this.byType = Map.copyOf(m);
    }

    /** @return the resolution track's table, shared and immutable */
    public static ResolutionTable resolution() {
        return RESOLUTION;
    }

    /** @return every guard of the table, its defaults included, in declaration order */
    public static List<Guard<?>> guards() {
        return GUARDS;
    }

    /** @return every row, in the order of DESIGN.md */
    public List<Row> rows() {
        return rows;
    }

    /**
     * @param type a command type
     * @return its row, or empty if it is not a resolution-track command
     */
    public Optional<Row> row(Class<? extends CaseCommand> type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * @param stage the case's procedure stage
     * @param track the case's track state, or null if it is not on the track
     * @param type a command type
     * @return whether the table has a row for the command from there
     */
    public boolean allows(Stage stage, Resolution.TrackState track, Class<? extends CaseCommand> type) {
        Row r = byType.get(type);
        return r != null && r.stages().contains(stage) && r.startsFrom(track);
    }

    /**
     * Renders the table as Markdown, as appended to {@code docs/lifecycle.md}.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Resolution track: lifecycle table\n\n");
        sb.append("Generated from `ResolutionTable.resolution()`; a test fails when the two differ. ");
        sb.append("*from → to* moves the track; *stays in* keeps it. Guard defaults, listed on no row, as in the procedure ");
        sb.append("table: `ACTOR_NOT_ACCUSED` on every row, `FACT_NOT_BEFORE_EARLIER_FACTS` (the track's facts) on every row ");
        sb.append("that records a dated fact. ");
        sb.append("After every accepted command the case service recomputes the required rank and, when it rises, ");
        sb.append("appends `RequiredRankRaised` (提级包案) naming the rules that fired, in the same commit.\n\n");
        sb.append("| command | 中文 | from → to | stays in | procedure stages | guards |\n");
        sb.append("|---|---|---|---|---|---|\n");
        Set<Stage> all = EnumSet.allOf(Stage.class);
        for (Row r : rows) {
            List<String> from = new ArrayList<>();
            if (r.fromNone()) from.add("(none)");
            for (Resolution.TrackState t : r.from()) from.add(t.name());
            List<String> stays = new ArrayList<>();
            for (Resolution.TrackState t : r.stays()) stays.add(t.name());
            String stages;
            if (r.stages().equals(all)) {
                stages = "any";
            } else {
                List<String> except = new ArrayList<>();
                for (Stage s : Stage.values()) if (!r.stages().contains(s)) except.add(s.name());
                stages = "any except " + String.join(", ", except);
            }
            List<String> guards = new ArrayList<>();
            for (Guard<?> g : r.guards()) guards.add(g.name());
            sb.append("| ").append(r.command()).append(" | ").append(r.chinese()).append(" | ")
                    .append(from.isEmpty() ? "" : String.join(", ", from) + " → " + r.to().name()).append(" | ")
                    .append(String.join(", ", stays)).append(" | ")
                    .append(stages).append(" | ")
                    .append(String.join(", ", guards)).append(" |\n");
        }
        sb.append("\nTrack states: ");
        List<String> states = new ArrayList<>();
        for (Resolution.TrackState t : Resolution.TrackState.values()) states.add(t.name() + " (" + t.chinese() + ")");
        sb.append(String.join(", ", states)).append(".\n");
        Guard.appendMarkdown(sb, "Resolution guards", GUARDS);
        return sb.toString();
    }

    private static ResolutionTable build() {
        Set<Stage> any = EnumSet.allOf(Stage.class);
        Set<Stage> designatable = EnumSet.allOf(Stage.class);
        designatable.removeAll(EnumSet.of(Stage.WITHDRAWN, Stage.TRANSFERRED_OUT, Stage.MERGED));
        Set<Resolution.TrackState> none = EnumSet.noneOf(Resolution.TrackState.class);
        Set<Resolution.TrackState> onTrack = EnumSet.of(Resolution.TrackState.OPEN, Resolution.TrackState.IN_RESOLUTION, Resolution.TrackState.CLAIMED);
        List<Row> r = new ArrayList<>();
        r.add(row("DesignateBacklog", "列为积案", ResolutionCommand.DesignateBacklog.class, true, EnumSet.of(Resolution.TrackState.RESOLVED),
                Resolution.TrackState.OPEN, none, designatable, List.of(),
                on("designatedOn", ResolutionCommand.DesignateBacklog::designatedOn), (e, c) -> new ResolutionEvent.BacklogDesignated(e.id(), e.actor(), e.at(), c.source(), c.designatedOn())));
        r.add(row("EnrolInBatch", "纳入上级交办批次", ResolutionCommand.EnrolInBatch.class, true, EnumSet.of(Resolution.TrackState.RESOLVED),
                Resolution.TrackState.OPEN, onTrack, designatable, List.of(NOT_YET_IN_BATCH),
                on("enrolledOn", ResolutionCommand.EnrolInBatch::enrolledOn), (e, c) -> new ResolutionEvent.BatchEnrolled(e.id(), e.actor(), e.at(), c.batch(), c.level(), c.batchName(),
                        c.targetDate(), c.enrolledOn())));
        r.add(row("FlagHardCase", "钉子案/骨头案", ResolutionCommand.FlagHardCase.class, false, none, null, onTrack, any,
                List.of(NOT_YET_HARD_CASE),
                on("flaggedOn", ResolutionCommand.FlagHardCase::flaggedOn), (e, c) -> new ResolutionEvent.HardCaseFlagged(e.id(), e.actor(), e.at(), c.reason().freeText(), c.flaggedOn())));
        r.add(row("AssignPackageLeader", "领导包案", ResolutionCommand.AssignPackageLeader.class, false, EnumSet.of(Resolution.TrackState.OPEN),
                Resolution.TrackState.IN_RESOLUTION, none, any, List.of(ASSIGNEES_NOT_ACCUSED, LEADER_RANK_SUFFICIENT),
                on("assignedOn", ResolutionCommand.AssignPackageLeader::assignedOn), (e, c) -> new ResolutionEvent.PackageLeaderAssigned(e.id(), e.actor(), e.at(), c.leader(), c.leadUnit(),
                        c.taskForce(), c.coUnits(), c.assignedOn())));
        r.add(row("ReplacePackageLeader", "更换包案领导", ResolutionCommand.ReplacePackageLeader.class, false, none, null,
                EnumSet.of(Resolution.TrackState.IN_RESOLUTION, Resolution.TrackState.CLAIMED), any,
                List.of(ASSIGNEES_NOT_ACCUSED, LEADER_RANK_SUFFICIENT),
                on("replacedOn", ResolutionCommand.ReplacePackageLeader::replacedOn), (e, c) -> new ResolutionEvent.PackageLeaderReplaced(e.id(), e.actor(), e.at(), c.leader(), c.leadUnit(),
                        c.taskForce(), c.coUnits(), c.reason(), c.replacedOn())));
        r.add(row("RecordPlan", "化解方案", ResolutionCommand.RecordPlan.class, false, none, null, EnumSet.of(Resolution.TrackState.IN_RESOLUTION),
                any, List.of(),
                on("recordedOn", ResolutionCommand.RecordPlan::recordedOn), ResolutionTable::planRecorded));
        r.add(row("MarkPlanStepDone", "方案步骤完成", ResolutionCommand.MarkPlanStepDone.class, false, none, null,
                EnumSet.of(Resolution.TrackState.IN_RESOLUTION, Resolution.TrackState.CLAIMED), any, List.of(PLAN_STEP_OPEN),
                on("doneOn", ResolutionCommand.MarkPlanStepDone::doneOn), (e, c) -> new ResolutionEvent.PlanStepDone(e.id(), e.actor(), e.at(), e.state().resolution().plans().size(),
                        c.step(), c.doneOn())));
        r.add(row("ClaimResolution", "申请化解", ResolutionCommand.ClaimResolution.class, false, EnumSet.of(Resolution.TrackState.IN_RESOLUTION),
                Resolution.TrackState.CLAIMED, none, any, List.of(),
                on("claimedOn", ResolutionCommand.ClaimResolution::claimedOn), (e, c) -> new ResolutionEvent.ResolutionClaimed(e.id(), e.actor(), e.at(), c.kind(), c.evidence().freeText(),
                        c.claimedOn())));
        r.add(row("ApproveResolution", "审核销号", ResolutionCommand.ApproveResolution.class, false, EnumSet.of(Resolution.TrackState.CLAIMED),
                Resolution.TrackState.RESOLVED, none, any, List.of(APPROVER_NOT_CLAIMANT, APPROVER_AUTHORISED),
                on("approvedOn", ResolutionCommand.ApproveResolution::approvedOn), (e, c) -> new ResolutionEvent.ResolutionApproved(e.id(), e.actor(), e.at(), c.approvedOn())));
        r.add(row("RejectResolution", "退回", ResolutionCommand.RejectResolution.class, false, EnumSet.of(Resolution.TrackState.CLAIMED),
                Resolution.TrackState.IN_RESOLUTION, none, any, List.of(),
                on("rejectedOn", ResolutionCommand.RejectResolution::rejectedOn), (e, c) -> new ResolutionEvent.ResolutionRejected(e.id(), e.actor(), e.at(), c.reason().freeText(), c.rejectedOn())));
        r.add(row("ReassessEscalation", "提级包案（逾期）", ResolutionCommand.ReassessEscalation.class, false, none, null,
                EnumSet.allOf(Resolution.TrackState.class), any, List.of(SWEEP_ONLY, RANK_RISES),
                undated(), null));
        r.add(row("ReportRebound", "反弹", ResolutionCommand.ReportRebound.class, false, EnumSet.of(Resolution.TrackState.RESOLVED),
                Resolution.TrackState.OPEN, none, any, List.of(),
                on("reportedOn", ResolutionCommand.ReportRebound::reportedOn), (e, c) -> new ResolutionEvent.ReboundReported(e.id(), e.actor(), e.at(), c.reason().freeText(), c.reportedOn())));
        return new ResolutionTable(r);
    }

    private static <C extends CaseCommand> Row row(String command, String chinese, Class<C> type, boolean fromNone,
                                                   Set<Resolution.TrackState> from, Resolution.TrackState to, Set<Resolution.TrackState> stays, Set<Stage> stages,
                                                   List<Guard<? super C>> guards, RowBehaviour.Dated<C> dated,
                                                   BiFunction<Emission, C, CaseEvent> emits) {
        if (!type.getSimpleName().equals(command)) throw new IllegalStateException("row name " + command + " != " + type);
        return new Row(command, chinese, type, fromNone, from, to, stays, stages, guards, RowBehaviour.of(type, dated, emits));
    }

    /** A new plan version: its steps from the forms, numbered after the plans before it. */
    private static CaseEvent planRecorded(Emission e, ResolutionCommand.RecordPlan c) {
        List<Resolution.PlanStep> steps = new ArrayList<>();
        for (ResolutionCommand.PlanStepForm f : c.steps()) steps.add(new Resolution.PlanStep(f.description().freeText(), f.dueOn(), null));
        return new ResolutionEvent.PlanRecorded(e.id(), e.actor(), e.at(), e.state().resolution().plans().size() + 1, steps,
                c.recordedOn());
    }
}
