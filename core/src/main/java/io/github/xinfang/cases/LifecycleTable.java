package io.github.xinfang.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The procedure track's lifecycle as one table (DESIGN.md section 5): for each command, the stages it may
 * start from, the stage it leads to, and the named guards that run after the table allows it.
 *
 * <p>Decisions look the table up first (its defaults: {@code CASE_EXISTS}, {@code CASE_NOT_FOUND}, and
 * {@code ILLEGAL_TRANSITION} or the row's own code from a stage it does not start from), then run the row's guards with
 * the table's guard defaults ({@link #ACTOR_NOT_ACCUSED}, {@link #FACT_NOT_BEFORE_EARLIER_FACTS}) in the order
 * {@link Guard} describes, then emit the row's event; the stage the event leads to is the row's {@code to}. The guards
 * are this class's constants, each typed to the commands it reads.
 * The one instance, {@link #procedure()}, is immutable and shared; thread-safe.
 *
 * @since 0.1
 */
public final class LifecycleTable {

    // The guards (Guard). Each is typed to the commands it reads; the table defaults ACTOR_NOT_ACCUSED and
    // FACT_NOT_BEFORE_EARLIER_FACTS run on every row (the second on rows that record a dated fact) and are listed on none.

    /** No accused party acts: the actor is not accused, not of an accused unit, not of an accused official's unit ({@code ACCUSED_PARTY}). A table default of both tables. */
    public static final Guard<CaseCommand> ACTOR_NOT_ACCUSED = Guard.of("ACTOR_NOT_ACCUSED", Guard.Phase.WHO,
            "No accused party acts: the actor is not accused, not of an accused unit, not of an accused official's unit.",
            "被反映对象（本人、所在单位或被反映工作人员所在单位）不得经办", ProcedureGuards::actorNotAccused, Rejection.Code.ACCUSED_PARTY);

    /** The unit routed to is not accused and is not the unit of an accused official ({@code ACCUSED_PARTY}). */
    public static final Guard<ProcedureCommand.Route> UNIT_NOT_ACCUSED = Guard.of("UNIT_NOT_ACCUSED", Guard.Phase.PRECONDITION,
            "The unit routed to is not accused and is not the unit of an accused official.",
            "不得交办给被反映单位或被反映工作人员所在单位", ProcedureGuards::routedUnitNotAccused, Rejection.Code.ACCUSED_PARTY);

    /** The imported handling unit is not accused and is not the unit of an accused official ({@code ACCUSED_PARTY}). @since 0.4 */
    public static final Guard<ProcedureCommand.Import> IMPORTED_UNIT_NOT_ACCUSED = Guard.of("IMPORTED_UNIT_NOT_ACCUSED", Guard.Phase.PRECONDITION,
            "The imported handling unit is not accused and is not the unit of an accused official.",
            "导入的承办单位不得为被反映单位或被反映工作人员所在单位", ProcedureGuards::importedUnitNotAccused, Rejection.Code.ACCUSED_PARTY);

    /** The fact's date is not before the case's earlier facts ({@code VALIDATION}). A table default on rows that record a dated fact. */
    public static final Guard<CaseCommand> FACT_NOT_BEFORE_EARLIER_FACTS = Guard.of("FACT_NOT_BEFORE_EARLIER_FACTS", Guard.Phase.RULE,
            "The fact's date is not before the case's earlier facts.",
            "事实日期不得早于该事项此前的事实日期", ProcedureGuards::factNotBeforeEarlierFacts, Rejection.Code.VALIDATION);

    /** Only for 申诉求决类 ({@code NOT_APPLICABLE_TO_CATEGORY}). */
    public static final Guard<ProcedureCommand> CLAIM_CATEGORY_ONLY = Guard.of("CLAIM_CATEGORY_ONLY", Guard.Phase.PRECONDITION,
            "Only for 申诉求决类.",
            "仅适用于申诉求决类", ProcedureGuards::claimCategoryOnly, Rejection.Code.NOT_APPLICABLE_TO_CATEGORY);

    /** An Art. 32 outcome is given for 申诉求决类 and only there ({@code VALIDATION} / {@code NOT_APPLICABLE_TO_CATEGORY}). */
    public static final Guard<ProcedureCommand.ProposeConclusion> OUTCOME_FITS_CATEGORY = Guard.of("OUTCOME_FITS_CATEGORY", Guard.Phase.RULE,
            "An Art. 32 outcome is given for 申诉求决类 and only there.",
            "第三十二条处理意见仅用于且必须用于申诉求决类", ProcedureGuards::outcomeFitsCategory, Rejection.Code.VALIDATION, Rejection.Code.NOT_APPLICABLE_TO_CATEGORY);

    /** The objection is inside the objection window, 5 working days from the unit's receipt ({@code WINDOW_EXPIRED}). */
    public static final Guard<ProcedureCommand.RaiseObjection> INSIDE_OBJECTION_WINDOW = Guard.of("INSIDE_OBJECTION_WINDOW", Guard.Phase.RULE,
            "The objection is inside the objection window, 5 working days from the unit's receipt.",
            "异议须在承办单位收到之日起5个工作日内提出", ProcedureGuards::insideObjectionWindow, Rejection.Code.WINDOW_EXPIRED);

    /** The written reply was served ({@code WINDOW_NOT_OPEN}) and the review window has not lapsed ({@code WINDOW_EXPIRED}). */
    public static final Guard<ProcedureCommand.RequestReview> INSIDE_REVIEW_WINDOW = Guard.of("INSIDE_REVIEW_WINDOW", Guard.Phase.PRECONDITION,
            "The written reply was served and the review window has not lapsed.",
            "书面答复已送达，且复查申请期限未届满", ProcedureGuards::insideReviewWindow, Rejection.Code.WINDOW_NOT_OPEN, Rejection.Code.WINDOW_EXPIRED);

    /** The review opinion was served ({@code WINDOW_NOT_OPEN}) and the re-review window has not lapsed ({@code WINDOW_EXPIRED}). */
    public static final Guard<ProcedureCommand.RequestReReview> INSIDE_RE_REVIEW_WINDOW = Guard.of("INSIDE_RE_REVIEW_WINDOW", Guard.Phase.PRECONDITION,
            "The review opinion was served and the re-review window has not lapsed.",
            "复查意见已送达，且复核申请期限未届满", ProcedureGuards::insideReReviewWindow, Rejection.Code.WINDOW_NOT_OPEN, Rejection.Code.WINDOW_EXPIRED);

    /** The case's profile gives its category a handling clock ({@code NOT_APPLICABLE_TO_CATEGORY}). */
    public static final Guard<ProcedureCommand.Extend> HAS_HANDLING_CLOCK = Guard.of("HAS_HANDLING_CLOCK", Guard.Phase.RULE,
            "The case's profile gives its category a handling clock.",
            "该事项的时限方案为其类别设有办理时限", ProcedureGuards::hasHandlingClock, Rejection.Code.NOT_APPLICABLE_TO_CATEGORY);

    /** The approver is an official of the handling unit ({@code NOT_AUTHORISED}). */
    public static final Guard<ProcedureCommand.Extend> APPROVER_OF_HANDLING_UNIT = Guard.of("APPROVER_OF_HANDLING_UNIT", Guard.Phase.RULE,
            "The approver is an official of the handling unit.",
            "批准人须为承办单位工作人员", ProcedureGuards::approverOfHandlingUnit, Rejection.Code.NOT_AUTHORISED);

    /** The handling clock was not extended yet ({@code EXTENSION_ALREADY_GRANTED}). */
    public static final Guard<ProcedureCommand.Extend> EXTENSION_UNUSED = Guard.of("EXTENSION_UNUSED", Guard.Phase.RULE,
            "The handling clock was not extended yet.",
            "办理时限尚未延长过", ProcedureGuards::extensionUnused, Rejection.Code.EXTENSION_ALREADY_GRANTED);

    /** The extension is at most the profile's maximum ({@code EXTENSION_TOO_LONG}). */
    public static final Guard<ProcedureCommand.Extend> EXTENSION_WITHIN_MAXIMUM = Guard.of("EXTENSION_WITHIN_MAXIMUM", Guard.Phase.RULE,
            "The extension is at most the profile's maximum.",
            "延长期限不得超过时限方案的上限", ProcedureGuards::extensionWithinMaximum, Rejection.Code.EXTENSION_TOO_LONG);

    /** The approver is not the proposer ({@code SAME_ACTOR}). */
    public static final Guard<ProcedureCommand.ApproveConclusion> APPROVER_NOT_PROPOSER = Guard.of("APPROVER_NOT_PROPOSER", Guard.Phase.RULE,
            "The approver is not the proposer.",
            "审核人不得为报结人", ProcedureGuards::approverNotProposer, Rejection.Code.SAME_ACTOR);

    /** The written reply has not been served yet ({@code ILLEGAL_TRANSITION}). */
    public static final Guard<ProcedureCommand.ServeReply> REPLY_NOT_YET_SERVED = Guard.of("REPLY_NOT_YET_SERVED", Guard.Phase.PRECONDITION,
            "The written reply has not been served yet.",
            "书面答复尚未送达", ProcedureGuards::replyNotYetServed, Rejection.Code.ILLEGAL_TRANSITION);

    /** The review opinion has not been served yet ({@code ILLEGAL_TRANSITION}). */
    public static final Guard<ProcedureCommand.ServeReviewOpinion> OPINION_NOT_YET_SERVED = Guard.of("OPINION_NOT_YET_SERVED", Guard.Phase.PRECONDITION,
            "The review opinion has not been served yet.",
            "复查意见尚未送达", ProcedureGuards::opinionNotYetServed, Rejection.Code.ILLEGAL_TRANSITION);

    /** No hearing is open ({@code ILLEGAL_TRANSITION}): a hearing is closed before the stage it belongs to ends. */
    public static final Guard<ProcedureCommand> HEARING_NOT_OPEN = Guard.of("HEARING_NOT_OPEN", Guard.Phase.RULE,
            "No hearing is open: a hearing is closed before the stage it belongs to ends.",
            "没有正在进行的听证", ProcedureGuards::hearingNotOpen, Rejection.Code.ILLEGAL_TRANSITION);

    /** No hearing is open yet ({@code ILLEGAL_TRANSITION}): one hearing at a time. @since 0.4 */
    public static final Guard<ProcedureCommand.OpenHearing> HEARING_NOT_YET_OPEN = Guard.of("HEARING_NOT_YET_OPEN", Guard.Phase.PRECONDITION,
            "No hearing is open yet: one hearing at a time.",
            "尚无正在进行的听证", ProcedureGuards::hearingNotOpen, Rejection.Code.ILLEGAL_TRANSITION);

    /** An imported extension is at most the profile's maximum ({@code EXTENSION_TOO_LONG}). */
    public static final Guard<ProcedureCommand.Import> IMPORTED_EXTENSION_WITHIN_MAXIMUM = Guard.of("IMPORTED_EXTENSION_WITHIN_MAXIMUM", Guard.Phase.RULE,
            "An imported extension is at most the profile's maximum.",
            "导入的延期不得超过时限方案的上限", ProcedureGuards::importedExtensionWithinMaximum, Rejection.Code.EXTENSION_TOO_LONG);

    /** A hearing is open ({@code ILLEGAL_TRANSITION}). */
    public static final Guard<ProcedureCommand.CloseHearing> HEARING_OPEN = Guard.of("HEARING_OPEN", Guard.Phase.PRECONDITION,
            "A hearing is open.",
            "有正在进行的听证", ProcedureGuards::hearingOpen, Rejection.Code.ILLEGAL_TRANSITION);

    /** The corrected category allows the current stage and pending outcome ({@code NOT_APPLICABLE_TO_CATEGORY}); the corrected receipt is not after the routing ({@code VALIDATION}). */
    public static final Guard<ProcedureCommand.CorrectPetition> CORRECTION_FITS_STAGE = Guard.of("CORRECTION_FITS_STAGE", Guard.Phase.RULE,
            "The corrected category allows the current stage and pending outcome; the corrected receipt is not after the routing.",
            "更正后的类别须适合当前阶段和处理意见，更正后的收件日期不得晚于交办", ProcedureGuards::correctionFitsStage, Rejection.Code.NOT_APPLICABLE_TO_CATEGORY, Rejection.Code.VALIDATION);

    /** Under the corrected accusations, neither the handling unit nor the actor is accused ({@code ACCUSED_PARTY}). */
    public static final Guard<ProcedureCommand.CorrectPetition> CORRECTION_KEEPS_HANDLER_UNACCUSED = Guard.of("CORRECTION_KEEPS_HANDLER_UNACCUSED", Guard.Phase.RULE,
            "Under the corrected accusations, neither the handling unit nor the actor is accused.",
            "按更正后的被反映对象，承办单位和经办人均不是被反映对象", ProcedureGuards::correctionKeepsHandlerUnaccused, Rejection.Code.ACCUSED_PARTY);

    /** The case's profile provides for termination ({@code NOT_PROVIDED_BY_PROFILE}). */
    public static final Guard<ProcedureCommand.Terminate> TERMINATION_PROVIDED = Guard.of("TERMINATION_PROVIDED", Guard.Phase.PRECONDITION,
            "The case's profile provides for termination.",
            "该事项的时限方案规定了终止办理", ProcedureGuards::terminationProvided, Rejection.Code.NOT_PROVIDED_BY_PROFILE);

    /** Only the deadline sweep (a system actor) records warnings, breaches and lapses ({@code NOT_AUTHORISED}). */
    public static final Guard<SweepCommand> SWEEP_ONLY = Guard.of("SWEEP_ONLY", Guard.Phase.WHO,
            "Only the deadline sweep (a system actor) records warnings, breaches and lapses.",
            "仅由期限巡检（系统）记录预警、超期和失效", ProcedureGuards::systemOnly, Rejection.Code.NOT_AUTHORISED);

    /**
     * The named clock (a profile clock's run, or a duty from the case's facts) is open, has that due instant, is due soon /
     * overdue / lapsed at the recording instant, and that was not recorded yet, nor, for a warning, its breach
     * ({@code ILLEGAL_TRANSITION}). One guard for every kind of obligation, as the sweep is one path for them.
     */
    public static final Guard<SweepCommand> CLOCK_DUE = Guard.of("CLOCK_DUE", Guard.Phase.RULE,
            "The named clock (a profile clock's run or a duty) is open, has that due instant, is due soon / overdue / lapsed at the recording instant, and that was not recorded yet, nor, for a warning, its breach.",
            "该时限（时限方案的期限或职责期限）正在计时、到期时刻一致、已临期/超期/失效且尚未记录", ProcedureGuards::clockDue, Rejection.Code.ILLEGAL_TRANSITION);

    /** A case is not merged into itself ({@code VALIDATION}). @since 0.2 */
    public static final Guard<ActivityCommand.Merge> NOT_INTO_ITSELF = Guard.of("NOT_INTO_ITSELF", Guard.Phase.PRECONDITION,
            "A case is not merged into itself.",
            "事项不得并入自身", ProcedureGuards::notIntoItself, Rejection.Code.VALIDATION);

    /** The case merged into exists and is open ({@code VALIDATION}): a merge goes into another open case on the same matter. @since 0.4 */
    public static final Guard<ActivityCommand.Merge> SURVIVOR_OPEN = Guard.of("SURVIVOR_OPEN", Guard.Phase.PRECONDITION,
            "The case merged into exists and is open: a merge goes into another open case on the same matter.",
            "并入的事项须存在且尚未办结", ProcedureGuards::survivorOpen, Rejection.Code.VALIDATION);

    /** Only the case service (a system actor) records this ({@code NOT_AUTHORISED}). @since 0.2 */
    public static final Guard<ActivityCommand.RecordMergedCase> SERVICE_ONLY = Guard.of("SERVICE_ONLY", Guard.Phase.WHO,
            "Only the case service (a system actor) records this.",
            "仅由事项服务（系统）记录", ProcedureGuards::serviceOnly, Rejection.Code.NOT_AUTHORISED);

    /** A repeat petition is not received before the original petition ({@code VALIDATION}). @since 0.2 */
    public static final Guard<ActivityCommand.RecordRepeatPetition> REPEAT_NOT_BEFORE_RECEIPT = Guard.of("REPEAT_NOT_BEFORE_RECEIPT", Guard.Phase.RULE,
            "A repeat petition is not received before the original petition.",
            "重复信访的收件日期不得早于原信访事项", ProcedureGuards::repeatNotBeforeReceipt, Rejection.Code.VALIDATION);

    /** The case is in a non-terminal stage or on the resolution track ({@code ILLEGAL_TRANSITION}). @since 0.2 */
    public static final Guard<ActivityCommand.IssueSupervision> SUPERVISABLE = Guard.of("SUPERVISABLE", Guard.Phase.STAGE,
            "The case is in a non-terminal stage or on the resolution track.",
            "事项处于非终结阶段或在化解轨道上", ProcedureGuards::supervisable, Rejection.Code.ILLEGAL_TRANSITION);

    /** The addressee of supervision is not accused and not the unit of an accused official ({@code ACCUSED_PARTY}). @since 0.2 */
    public static final Guard<ActivityCommand.IssueSupervision> ADDRESSEE_NOT_ACCUSED = Guard.of("ADDRESSEE_NOT_ACCUSED", Guard.Phase.RULE,
            "The addressee of supervision is not accused and not the unit of an accused official.",
            "督办对象不得为被反映单位或被反映工作人员所在单位", ProcedureGuards::addresseeNotAccused, Rejection.Code.ACCUSED_PARTY);

    /** The supervision exists ({@code VALIDATION}), awaits feedback ({@code ILLEGAL_TRANSITION}), and the feedback is not dated before it ({@code VALIDATION}). @since 0.2 */
    public static final Guard<ActivityCommand.RecordSupervisionFeedback> SUPERVISION_AWAITING_FEEDBACK = Guard.of("SUPERVISION_AWAITING_FEEDBACK", Guard.Phase.RULE,
            "The supervision exists, awaits feedback, and the feedback is not dated before it.",
            "督办存在且待反馈，反馈日期不得早于督办日期", ProcedureGuards::supervisionAwaitingFeedback, Rejection.Code.VALIDATION, Rejection.Code.ILLEGAL_TRANSITION);

    private static final List<Guard<?>> GUARDS = List.of(ACTOR_NOT_ACCUSED, UNIT_NOT_ACCUSED,
            IMPORTED_UNIT_NOT_ACCUSED, FACT_NOT_BEFORE_EARLIER_FACTS, CLAIM_CATEGORY_ONLY, OUTCOME_FITS_CATEGORY,
            INSIDE_OBJECTION_WINDOW, INSIDE_REVIEW_WINDOW, INSIDE_RE_REVIEW_WINDOW, HAS_HANDLING_CLOCK,
            APPROVER_OF_HANDLING_UNIT, EXTENSION_UNUSED, EXTENSION_WITHIN_MAXIMUM, APPROVER_NOT_PROPOSER,
            REPLY_NOT_YET_SERVED, OPINION_NOT_YET_SERVED, HEARING_NOT_OPEN, HEARING_NOT_YET_OPEN,
            IMPORTED_EXTENSION_WITHIN_MAXIMUM, HEARING_OPEN, CORRECTION_FITS_STAGE,
            CORRECTION_KEEPS_HANDLER_UNACCUSED, TERMINATION_PROVIDED, SWEEP_ONLY, CLOCK_DUE, NOT_INTO_ITSELF,
            SURVIVOR_OPEN, SERVICE_ONLY, REPEAT_NOT_BEFORE_RECEIPT, SUPERVISABLE, ADDRESSEE_NOT_ACCUSED,
            SUPERVISION_AWAITING_FEEDBACK);

    /**
     * One row of the table: the command, its Chinese name, the stages it starts from, the stage it leads to and its
     * own guards; inside the package also the dates of the legal facts it records and the event it emits. Immutable.
     *
     * @since 0.1
     */
    public static final class Row extends TableRow {
        private final Set<Stage> from;
        private final Stage to;
        private final Map<Stage, Rejection.Code> refusals;

        Row(String command, String chinese, Class<? extends CaseCommand> type, Set<Stage> from, Stage to,
            List<? extends Guard<?>> guards, Map<Stage, Rejection.Code> refusals, RowBehaviour<?> behaviour) {
            super(command, chinese, type, guards, behaviour, ACTOR_NOT_ACCUSED, FACT_NOT_BEFORE_EARLIER_FACTS);
            this.from = Objects.requireNonNull(from, "from").isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Stage.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(from));
            this.to = to;
            Map<Stage, Rejection.Code> m = new EnumMap<>(Stage.class);
            m.putAll(Objects.requireNonNull(refusals, "refusals"));
            this.refusals = Collections.unmodifiableMap(m);
        }

        /** @return the stages it may start from (empty: the case does not exist yet) */
        public Set<Stage> from() {
            return from;
        }

        /** @return the stage it leads to, or null to stay in the same stage (or, for an import, the stage it brings) */
        public Stage to() {
            return to;
        }

        /**
         * @return the stages the command is refused from with a code of its own rather than {@code ILLEGAL_TRANSITION}
         *     (a repeat petition to a merged case: {@code MERGED_INTO})
         */
        public Map<Stage, Rejection.Code> refusals() {
            return refusals;
        }

        /** @return the code the table refuses the command with from a stage it does not start from */
        Rejection.Code refusalFrom(Stage stage) {
            return refusals.getOrDefault(stage, Rejection.Code.ILLEGAL_TRANSITION);
        }

        /** @return this row, refused from a stage with a code of its own */
        Row refusing(Stage stage, Rejection.Code code) {
            Map<Stage, Rejection.Code> m = new EnumMap<>(Stage.class);
            m.putAll(refusals);
            m.put(stage, code);
            return new Row(command(), chinese(), type(), from, to, guards(), m, behaviour());
        }

        /**
         * @param stage a stage
         * @return the stage the command leads to from there (the same stage for a row that stays)
         */
        public Stage next(Stage stage) {
            return to == null ? stage : to;
        }

        /** @return whether the row is in force in this version */
        public boolean inForce() {
            return type() != null;
        }

        @Override
        public String toString() {
            return "Row[" + command() + " " + from + " -> " + (to == null ? "same" : to) + " " + guards() + "]";
        }
    }

    private static final LifecycleTable PROCEDURE = new LifecycleTable(ProcedureRows.rows());

    private final List<Row> rows;
    private final Map<Class<? extends CaseCommand>, Row> byType;

    private LifecycleTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        Map<Class<? extends CaseCommand>, Row> m = new HashMap<>();
        for (Row r : rows) {
            if (r.type() != null && m.put(r.type(), r) != null) throw new IllegalStateException("two rows for " + r.command());
        }
        this.byType = Map.copyOf(m);
    }

    /** @return the procedure track's table, shared and immutable */
    public static LifecycleTable procedure() {
        return PROCEDURE;
    }

    /** @return every guard of the table, its defaults included, in declaration order */
    public static List<Guard<?>> guards() {
        return GUARDS;
    }

    /** @return every row, in the order of DESIGN.md, including rows later work brings */
    public List<Row> rows() {
        return rows;
    }

    /**
     * @param type a command type
     * @return its row, or empty if none is in force
     */
    public Optional<Row> row(Class<? extends CaseCommand> type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * A table default: a command whose row starts from no stage creates a case, so it is refused on an existing case
     * ({@code CASE_EXISTS}); every other command needs the case ({@code CASE_NOT_FOUND}).
     *
     * @param type a command type
     * @return whether it creates a case
     */
    public boolean creates(Class<? extends CaseCommand> type) {
        Row r = byType.get(type);
        return r != null && r.from().isEmpty();
    }

    /**
     * @param stage the case's stage, or null if the case does not exist
     * @param type a command type
     * @return whether the table has a row for the command from that stage
     */
    public boolean allows(Stage stage, Class<? extends CaseCommand> type) {
        Row r = byType.get(type);
        if (r == null) return false;
        return stage == null ? r.from().isEmpty() : r.from().contains(stage);
    }

    /**
     * Renders the table as Markdown, as committed in {@code docs/lifecycle.md}.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Procedure track: lifecycle table\n\n");
        sb.append("Generated from `LifecycleTable.procedure()`; a test fails when the two differ. ");
        sb.append("Table defaults: a command that starts from *(none)* creates the case and is refused on an existing ");
        sb.append("one (`CASE_EXISTS`); every other command needs the case (`CASE_NOT_FOUND`); from a stage a row does not ");
        sb.append("start from, a command is refused with `ILLEGAL_TRANSITION`, or with the code its row names under ");
        sb.append("*refused with*. Guard defaults, listed on no row: an accused party never acts (`ACTOR_NOT_ACCUSED`, every row) ");
        sb.append("and a fact is not dated before the case's earlier facts (`FACT_NOT_BEFORE_EARLIER_FACTS`, every row that records ");
        sb.append("a dated fact). A row's guards run by phase (stage, who, precondition, rule; in the row's order within one), ");
        sb.append("`ACTOR_NOT_ACCUSED` before the preconditions, `FACT_NOT_BEFORE_EARLIER_FACTS` before the rules.\n\n");
        sb.append("| command | 中文 | from | to | guards | refused with |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.command()).append(" | ").append(r.chinese()).append(" | ")
                    .append(r.from().isEmpty() ? "(none)" : join(r.from())).append(" | ")
                    .append(r.to() != null ? r.to().name() : r.from().isEmpty() ? "(the stage it brings)" : "same").append(" | ")
                    .append(r.guards().isEmpty() ? "" : joinGuards(r.guards())).append(" | ")
                    .append(refusals(r)).append(" |\n");
        }
        sb.append("\nStages: ");
        List<String> stages = new ArrayList<>();
        for (Stage s : Stage.values()) stages.add(s.name() + " (" + s.chinese() + ", " + s.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
        sb.append(String.join(", ", stages)).append(".\n");
        Guard.appendMarkdown(sb, "Procedure guards", GUARDS);
        return sb.toString();
    }

    private static String refusals(Row r) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Stage, Rejection.Code> e : r.refusals().entrySet()) parts.add(e.getKey().name() + ": `" + e.getValue().name() + "`");
        return String.join(", ", parts);
    }

    private static String join(Set<Stage> stages) {
        List<String> names = new ArrayList<>();
        for (Stage s : stages) names.add(s.name());
        return String.join(", ", names);
    }

    private static String joinGuards(List<Guard<?>> guards) {
        List<String> names = new ArrayList<>();
        for (Guard<?> g : guards) names.add(g.name());
        return String.join(", ", names);
    }
}
