package io.github.xinfang.cases;

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
 * The procedure track's lifecycle as one table (DESIGN.md section 5): for each command, the stages it may
 * start from, the stage it leads to, and the named guards that run after the table allows it.
 *
 * <p>Decisions look the table up first ({@code ILLEGAL_TRANSITION} if there is no row for the stage),
 * then run the row's guards in order. Rows that later work brings (import, hearings, merge, ...) are
 * listed with {@link Row#arrivesWith()} set and no command type, so the documentation shows the whole table.
 * The one instance, {@link #procedure()}, is immutable and shared; thread-safe.
 *
 * @since 0.1
 */
public final class LifecycleTable {

    /**
     * A named rule a row runs after the table allows the command. Each maps to one rejection code.
     *
     * @since 0.1
     */
    public enum Guard implements GuardText {
        /** No accused party acts: the actor is not accused, not of an accused unit, not of an accused official's unit ({@code ACCUSED_PARTY}). */
        ACTOR_NOT_ACCUSED("No accused party acts: the actor is not accused, not of an accused unit, not of an accused official's unit.",
                "被反映对象（本人、所在单位或被反映工作人员所在单位）不得经办", RejectionCode.ACCUSED_PARTY),
        /** The unit routed to is not accused and is not the unit of an accused official ({@code ACCUSED_PARTY}). */
        UNIT_NOT_ACCUSED("The unit routed to is not accused and is not the unit of an accused official.",
                "不得交办给被反映单位或被反映工作人员所在单位", RejectionCode.ACCUSED_PARTY),
        /** The fact's date is not before the case's earlier facts ({@code VALIDATION}). */
        FACT_NOT_BEFORE_EARLIER_FACTS("The fact's date is not before the case's earlier facts.",
                "事实日期不得早于该事项此前的事实日期", RejectionCode.VALIDATION),
        /** Only for 申诉求决类 ({@code NOT_APPLICABLE_TO_CATEGORY}). */
        CLAIM_CATEGORY_ONLY("Only for 申诉求决类.",
                "仅适用于申诉求决类", RejectionCode.NOT_APPLICABLE_TO_CATEGORY),
        /** An Art. 32 outcome is given for 申诉求决类 and only there ({@code VALIDATION} / {@code NOT_APPLICABLE_TO_CATEGORY}). */
        OUTCOME_FITS_CATEGORY("An Art. 32 outcome is given for 申诉求决类 and only there.",
                "第三十二条处理意见仅用于且必须用于申诉求决类", RejectionCode.VALIDATION, RejectionCode.NOT_APPLICABLE_TO_CATEGORY),
        /** The objection is inside the objection window, 5 working days from the unit's receipt ({@code WINDOW_EXPIRED}). */
        INSIDE_OBJECTION_WINDOW("The objection is inside the objection window, 5 working days from the unit's receipt.",
                "异议须在承办单位收到之日起5个工作日内提出", RejectionCode.WINDOW_EXPIRED),
        /** The written reply was served ({@code WINDOW_NOT_OPEN}) and the review window has not lapsed ({@code WINDOW_EXPIRED}). */
        INSIDE_REVIEW_WINDOW("The written reply was served and the review window has not lapsed.",
                "书面答复已送达，且复查申请期限未届满", RejectionCode.WINDOW_NOT_OPEN, RejectionCode.WINDOW_EXPIRED),
        /** The review opinion was served ({@code WINDOW_NOT_OPEN}) and the re-review window has not lapsed ({@code WINDOW_EXPIRED}). */
        INSIDE_RE_REVIEW_WINDOW("The review opinion was served and the re-review window has not lapsed.",
                "复查意见已送达，且复核申请期限未届满", RejectionCode.WINDOW_NOT_OPEN, RejectionCode.WINDOW_EXPIRED),
        /** The case's profile gives its category a handling clock ({@code NOT_APPLICABLE_TO_CATEGORY}). */
        HAS_HANDLING_CLOCK("The case's profile gives its category a handling clock.",
                "该事项的时限方案为其类别设有办理时限", RejectionCode.NOT_APPLICABLE_TO_CATEGORY),
        /** The approver is an official of the handling unit ({@code NOT_AUTHORISED}). */
        APPROVER_OF_HANDLING_UNIT("The approver is an official of the handling unit.",
                "批准人须为承办单位工作人员", RejectionCode.NOT_AUTHORISED),
        /** The handling clock was not extended yet ({@code EXTENSION_ALREADY_GRANTED}). */
        EXTENSION_UNUSED("The handling clock was not extended yet.",
                "办理时限尚未延长过", RejectionCode.EXTENSION_ALREADY_GRANTED),
        /** The extension is at most the profile's maximum ({@code EXTENSION_TOO_LONG}). */
        EXTENSION_WITHIN_MAXIMUM("The extension is at most the profile's maximum.",
                "延长期限不得超过时限方案的上限", RejectionCode.EXTENSION_TOO_LONG),
        /** The approver is not the proposer ({@code SAME_ACTOR}). */
        APPROVER_NOT_PROPOSER("The approver is not the proposer.",
                "审核人不得为报结人", RejectionCode.SAME_ACTOR),
        /** The written reply has not been served yet ({@code ILLEGAL_TRANSITION}). */
        REPLY_NOT_YET_SERVED("The written reply has not been served yet.",
                "书面答复尚未送达", RejectionCode.ILLEGAL_TRANSITION),
        /** The review opinion has not been served yet ({@code ILLEGAL_TRANSITION}). */
        OPINION_NOT_YET_SERVED("The review opinion has not been served yet.",
                "复查意见尚未送达", RejectionCode.ILLEGAL_TRANSITION),
        /** No hearing is open ({@code ILLEGAL_TRANSITION}): a hearing is closed before the stage it belongs to ends. */
        HEARING_NOT_OPEN("No hearing is open: a hearing is closed before the stage it belongs to ends.",
                "没有正在进行的听证", RejectionCode.ILLEGAL_TRANSITION),
        /** An imported extension is at most the profile's maximum ({@code EXTENSION_TOO_LONG}). */
        IMPORTED_EXTENSION_WITHIN_MAXIMUM("An imported extension is at most the profile's maximum.",
                "导入的延期不得超过时限方案的上限", RejectionCode.EXTENSION_TOO_LONG),
        /** A hearing is open ({@code ILLEGAL_TRANSITION}). */
        HEARING_OPEN("A hearing is open.",
                "有正在进行的听证", RejectionCode.ILLEGAL_TRANSITION),
        /** The corrected category allows the current stage and pending outcome ({@code NOT_APPLICABLE_TO_CATEGORY}); the corrected receipt is not after the routing ({@code VALIDATION}). */
        CORRECTION_FITS_STAGE("The corrected category allows the current stage and pending outcome; the corrected receipt is not after the routing.",
                "更正后的类别须适合当前阶段和处理意见，更正后的收件日期不得晚于交办", RejectionCode.NOT_APPLICABLE_TO_CATEGORY, RejectionCode.VALIDATION),
        /** Under the corrected accusations, neither the handling unit nor the actor is accused ({@code ACCUSED_PARTY}). */
        CORRECTION_KEEPS_HANDLER_UNACCUSED("Under the corrected accusations, neither the handling unit nor the actor is accused.",
                "按更正后的被反映对象，承办单位和经办人均不是被反映对象", RejectionCode.ACCUSED_PARTY),
        /** The case's profile provides for termination ({@code NOT_PROVIDED_BY_PROFILE}). */
        TERMINATION_PROVIDED("The case's profile provides for termination.",
                "该事项的时限方案规定了终止办理", RejectionCode.NOT_PROVIDED_BY_PROFILE),
        /** Only the deadline sweep (a system actor) records warnings, breaches and lapses ({@code NOT_AUTHORISED}). */
        SWEEP_ONLY("Only the deadline sweep (a system actor) records warnings, breaches and lapses.",
                "仅由期限巡检（系统）记录预警、超期和失效", RejectionCode.NOT_AUTHORISED),
        /** The named clock run is open, has that due instant, is due soon / overdue / lapsed at the recording instant, and that was not recorded yet, nor, for a warning, its breach ({@code ILLEGAL_TRANSITION}). */
        CLOCK_DUE("The named clock run is open, has that due instant, is due soon / overdue / lapsed at the recording instant, and that was not recorded yet, nor, for a warning, its breach.",
                "该时限正在计时、到期时刻一致、已临期/超期/失效且尚未记录", RejectionCode.ILLEGAL_TRANSITION),
        /** A case is not merged into itself ({@code VALIDATION}). @since 0.2 */
        NOT_INTO_ITSELF("A case is not merged into itself.",
                "事项不得并入自身", RejectionCode.VALIDATION),
        /** Only the case service (a system actor) records this ({@code NOT_AUTHORISED}). @since 0.2 */
        SERVICE_ONLY("Only the case service (a system actor) records this.",
                "仅由事项服务（系统）记录", RejectionCode.NOT_AUTHORISED),
        /** A repeat petition is not received before the original petition ({@code VALIDATION}). @since 0.2 */
        REPEAT_NOT_BEFORE_RECEIPT("A repeat petition is not received before the original petition.",
                "重复信访的收件日期不得早于原信访事项", RejectionCode.VALIDATION),
        /** The case is in a non-terminal stage or on the resolution track ({@code ILLEGAL_TRANSITION}). @since 0.2 */
        SUPERVISABLE("The case is in a non-terminal stage or on the resolution track.",
                "事项处于非终结阶段或在化解轨道上", RejectionCode.ILLEGAL_TRANSITION),
        /** The addressee of supervision is not accused and not the unit of an accused official ({@code ACCUSED_PARTY}). @since 0.2 */
        ADDRESSEE_NOT_ACCUSED("The addressee of supervision is not accused and not the unit of an accused official.",
                "督办对象不得为被反映单位或被反映工作人员所在单位", RejectionCode.ACCUSED_PARTY),
        /** The supervision exists ({@code VALIDATION}), awaits feedback ({@code ILLEGAL_TRANSITION}), and the feedback is not dated before it ({@code VALIDATION}). @since 0.2 */
        SUPERVISION_AWAITING_FEEDBACK("The supervision exists, awaits feedback, and the feedback is not dated before it.",
                "督办存在且待反馈，反馈日期不得早于督办日期", RejectionCode.VALIDATION, RejectionCode.ILLEGAL_TRANSITION),
        /** The named duty is open, has that due instant, is due soon / overdue at the recording instant, and that was not recorded yet ({@code ILLEGAL_TRANSITION}). @since 0.2 */
        DUTY_DUE("The named duty is open, has that due instant, is due soon / overdue at the recording instant, and that was not recorded yet.",
                "该职责未完成、到期时刻一致、已临期/超期且尚未记录", RejectionCode.ILLEGAL_TRANSITION);

        private final String rule;
        private final String ruleChinese;
        private final Set<RejectionCode> codes;

        Guard(String rule, String ruleChinese, RejectionCode first, RejectionCode... more) {
            this.rule = rule;
            this.ruleChinese = ruleChinese;
            this.codes = Collections.unmodifiableSet(EnumSet.of(first, more));
        }

        /** @return the rule in English, one sentence */
        public String rule() {
            return rule;
        }

        /** @return the rule in Chinese */
        public String ruleChinese() {
            return ruleChinese;
        }

        /** @return the rejection codes this guard answers with when it says no */
        public Set<RejectionCode> codes() {
            return codes;
        }
    }

    /**
     * One row of the table. Immutable.
     *
     * @param command the command's name (the simple name of its record where it exists)
     * @param chinese the command's Chinese name
     * @param type the command's record type, or null for a row that later work brings
     * @param from the stages it may start from (empty: the case does not exist yet)
     * @param to the stage it leads to, or null to stay in the same stage
     * @param guards the guards it runs, in order
     * @param arrivesWith empty for a row in force; otherwise which later work brings it
     * @since 0.1
     */
    public record Row(String command, String chinese, Class<? extends CaseCommand> type, Set<Stage> from, Stage to,
                      List<Guard> guards, String arrivesWith) {
        /**
         * @throws NullPointerException naming a null argument (type and to may be null)
         */
        public Row {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(chinese, "chinese");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(guards, "guards");
            Objects.requireNonNull(arrivesWith, "arrivesWith");
            from = from.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Stage.class))
                    : Collections.unmodifiableSet(EnumSet.copyOf(from));
            guards = List.copyOf(guards);
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
            return type != null;
        }
    }

    private static final LifecycleTable PROCEDURE = buildProcedure();

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
        sb.append("A row marked *arrives with* is listed for completeness and not yet in force.\n\n");
        sb.append("| command | 中文 | from | to | guards | arrives with |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.command()).append(" | ").append(r.chinese()).append(" | ")
                    .append(r.from().isEmpty() ? "(none)" : join(r.from())).append(" | ")
                    .append(r.to() != null ? r.to().name() : r.from().isEmpty() ? "(the stage it brings)" : "same").append(" | ")
                    .append(r.guards().isEmpty() ? "" : joinGuards(r.guards())).append(" | ")
                    .append(r.arrivesWith()).append(" |\n");
        }
        sb.append("\nStages: ");
        List<String> stages = new ArrayList<>();
        for (Stage s : Stage.values()) stages.add(s.name() + " (" + s.chinese() + ", " + s.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
        sb.append(String.join(", ", stages)).append(".\n");
        GuardText.appendMarkdown(sb, "Procedure guards", Guard.values());
        return sb.toString();
    }

    private static String join(Set<Stage> stages) {
        List<String> names = new ArrayList<>();
        for (Stage s : stages) names.add(s.name());
        return String.join(", ", names);
    }

    private static String joinGuards(List<Guard> guards) {
        List<String> names = new ArrayList<>();
        for (Guard g : guards) names.add(g.name());
        return String.join(", ", names);
    }

    private static LifecycleTable buildProcedure() {
        Set<Stage> none = EnumSet.noneOf(Stage.class);
        Set<Stage> any = EnumSet.allOf(Stage.class);

        Guard actor = Guard.ACTOR_NOT_ACCUSED;
        Guard dated = Guard.FACT_NOT_BEFORE_EARLIER_FACTS;
        List<Row> r = new ArrayList<>();
        r.add(row("Register", "登记", ProcedureCommand.Register.class, none, Stage.REGISTERED, List.of(actor)));
        r.add(row("Import", "历史数据导入", ProcedureCommand.Import.class, none, null,
                List.of(actor, Guard.UNIT_NOT_ACCUSED, Guard.IMPORTED_EXTENSION_WITHIN_MAXIMUM)));
        r.add(row("Route", "交办/转送", ProcedureCommand.Route.class, EnumSet.of(Stage.REGISTERED), Stage.ROUTED,
                List.of(actor, Guard.UNIT_NOT_ACCUSED, dated)));
        r.add(row("RaiseObjection", "异议", ProcedureCommand.RaiseObjection.class, EnumSet.of(Stage.ROUTED), Stage.REGISTERED,
                List.of(actor, dated, Guard.INSIDE_OBJECTION_WINDOW)));
        r.add(row("TransferOut", "转出", ProcedureCommand.TransferOut.class, EnumSet.of(Stage.REGISTERED), Stage.TRANSFERRED_OUT,
                List.of(actor, dated)));
        r.add(row("Redirect", "导入法定途径", ProcedureCommand.Redirect.class, EnumSet.of(Stage.REGISTERED, Stage.ROUTED),
                Stage.REDIRECTED, List.of(actor, dated)));
        r.add(row("Decline", "不予受理", ProcedureCommand.Decline.class, EnumSet.of(Stage.REGISTERED, Stage.ROUTED),
                Stage.DECLINED, List.of(actor, dated)));
        r.add(row("InformPetitioner", "告知", ProcedureCommand.InformPetitioner.class, EnumSet.of(Stage.ROUTED, Stage.IN_HANDLING),
                null, List.of(actor, dated)));
        r.add(row("Accept", "受理", ProcedureCommand.Accept.class, EnumSet.of(Stage.ROUTED), Stage.IN_HANDLING, List.of(actor, dated)));
        r.add(row("RecordContact", "电话联系/见面/走访/约访", ProcedureCommand.RecordContact.class,
                EnumSet.of(Stage.ROUTED, Stage.IN_HANDLING, Stage.UNDER_REVIEW, Stage.UNDER_RE_REVIEW), null, List.of(actor, dated)));
        r.add(row("GiveStageReply", "阶段性答复", ProcedureCommand.GiveStageReply.class, EnumSet.of(Stage.IN_HANDLING), null,
                List.of(actor, dated)));
        r.add(row("Extend", "延期", ProcedureCommand.Extend.class, EnumSet.of(Stage.IN_HANDLING), null,
                List.of(actor, dated, Guard.HAS_HANDLING_CLOCK, Guard.APPROVER_OF_HANDLING_UNIT, Guard.EXTENSION_UNUSED,
                        Guard.EXTENSION_WITHIN_MAXIMUM)));
        Set<Stage> hearings = EnumSet.of(Stage.IN_HANDLING, Stage.UNDER_REVIEW, Stage.UNDER_RE_REVIEW);
        r.add(row("OpenHearing", "听证（开始）", ProcedureCommand.OpenHearing.class, hearings, null,
                List.of(actor, Guard.HEARING_NOT_OPEN, dated)));
        r.add(row("CloseHearing", "听证（结束）", ProcedureCommand.CloseHearing.class, hearings, null,
                List.of(actor, Guard.HEARING_OPEN, dated)));
        r.add(row("ProposeConclusion", "报结", ProcedureCommand.ProposeConclusion.class, EnumSet.of(Stage.IN_HANDLING),
                Stage.PENDING_APPROVAL, List.of(actor, dated, Guard.OUTCOME_FITS_CATEGORY, Guard.HEARING_NOT_OPEN)));
        r.add(row("ApproveConclusion", "审核通过/办结", ProcedureCommand.ApproveConclusion.class, EnumSet.of(Stage.PENDING_APPROVAL),
                Stage.CONCLUDED, List.of(actor, dated, Guard.APPROVER_NOT_PROPOSER)));
        r.add(row("ReturnForRework", "退回重办", ProcedureCommand.ReturnForRework.class, EnumSet.of(Stage.PENDING_APPROVAL),
                Stage.IN_HANDLING, List.of(actor)));
        r.add(row("ServeReply", "送达书面答复", ProcedureCommand.ServeReply.class, EnumSet.of(Stage.CONCLUDED), null,
                List.of(actor, Guard.REPLY_NOT_YET_SERVED, dated)));
        r.add(row("RequestReview", "复查申请", ProcedureCommand.RequestReview.class, EnumSet.of(Stage.CONCLUDED), Stage.UNDER_REVIEW,
                List.of(actor, Guard.CLAIM_CATEGORY_ONLY, Guard.INSIDE_REVIEW_WINDOW, dated)));
        r.add(row("ConcludeReview", "复查意见", ProcedureCommand.ConcludeReview.class, EnumSet.of(Stage.UNDER_REVIEW), Stage.REVIEWED,
                List.of(actor, dated, Guard.HEARING_NOT_OPEN)));
        r.add(row("ServeReviewOpinion", "送达复查意见", ProcedureCommand.ServeReviewOpinion.class, EnumSet.of(Stage.REVIEWED), null,
                List.of(actor, Guard.OPINION_NOT_YET_SERVED, dated)));
        r.add(row("RequestReReview", "复核申请", ProcedureCommand.RequestReReview.class, EnumSet.of(Stage.REVIEWED),
                Stage.UNDER_RE_REVIEW, List.of(actor, Guard.CLAIM_CATEGORY_ONLY, Guard.INSIDE_RE_REVIEW_WINDOW, dated)));
        r.add(row("ConcludeReReview", "复核意见", ProcedureCommand.ConcludeReReview.class, EnumSet.of(Stage.UNDER_RE_REVIEW),
                Stage.FINAL, List.of(actor, dated, Guard.HEARING_NOT_OPEN)));
        r.add(row("Reopen", "重新办理", ProcedureCommand.Reopen.class, EnumSet.of(Stage.CONCLUDED, Stage.REVIEWED), Stage.IN_HANDLING,
                List.of(actor, dated)));
        r.add(row("Terminate", "终结", ProcedureCommand.Terminate.class, EnumSet.of(Stage.CONCLUDED, Stage.REVIEWED, Stage.FINAL),
                Stage.TERMINATED, List.of(actor, Guard.TERMINATION_PROVIDED, dated)));
        r.add(row("Withdraw", "撤回", ProcedureCommand.Withdraw.class,
                EnumSet.of(Stage.REGISTERED, Stage.ROUTED, Stage.IN_HANDLING, Stage.PENDING_APPROVAL), Stage.WITHDRAWN,
                List.of(actor, dated)));
        Set<Stage> open = EnumSet.noneOf(Stage.class);
        for (Stage s : Stage.values()) if (s.kind() == Stage.Kind.OPEN) open.add(s);
        r.add(row("Merge", "并案", ActivityCommand.Merge.class, open, Stage.MERGED, List.of(actor, Guard.NOT_INTO_ITSELF, dated)));
        r.add(row("RecordMergedCase", "并入", ActivityCommand.RecordMergedCase.class, open, null, List.of(Guard.SERVICE_ONLY)));
        r.add(row("CorrectPetition", "更正/改类", ProcedureCommand.CorrectPetition.class, open, null,
                List.of(actor, Guard.CORRECTION_FITS_STAGE, Guard.CORRECTION_KEEPS_HANDLER_UNACCUSED)));
        r.add(row("ChangeProfile", "变更时限方案", ProcedureCommand.ChangeProfile.class, open, null, List.of(actor)));
        r.add(row("RecordWarning", "预警", SweepCommand.RecordWarning.class, any, null, List.of(Guard.SWEEP_ONLY, Guard.CLOCK_DUE)));
        r.add(row("RecordBreach", "超期", SweepCommand.RecordBreach.class, any, null, List.of(Guard.SWEEP_ONLY, Guard.CLOCK_DUE)));
        r.add(row("RecordLapse", "期限届满未申请", SweepCommand.RecordLapse.class, any, null, List.of(Guard.SWEEP_ONLY, Guard.CLOCK_DUE)));
        Set<Stage> notMerged = EnumSet.allOf(Stage.class);
        notMerged.remove(Stage.MERGED);
        r.add(row("RecordRepeatPetition", "重复信访", ActivityCommand.RecordRepeatPetition.class, notMerged, null,
                List.of(actor, Guard.REPEAT_NOT_BEFORE_RECEIPT)));
        r.add(row("RecordFollowUpVisit", "回访", ActivityCommand.RecordFollowUpVisit.class,
                EnumSet.of(Stage.CONCLUDED, Stage.REVIEWED, Stage.FINAL, Stage.TERMINATED), null, List.of(actor, dated)));
        r.add(row("IssueSupervision", "督办/提醒函/问责建议函/挂牌督办", ActivityCommand.IssueSupervision.class, any, null,
                List.of(Guard.SUPERVISABLE, actor, Guard.ADDRESSEE_NOT_ACCUSED)));
        r.add(row("RecordSupervisionFeedback", "书面反馈", ActivityCommand.RecordSupervisionFeedback.class, any, null,
                List.of(actor, Guard.SUPERVISION_AWAITING_FEEDBACK)));
        r.add(row("RecordDutyWarning", "预警（职责期限）", SweepCommand.RecordDutyWarning.class, any, null,
                List.of(Guard.SWEEP_ONLY, Guard.DUTY_DUE)));
        r.add(row("RecordDutyBreach", "超期（职责期限）", SweepCommand.RecordDutyBreach.class, any, null,
                List.of(Guard.SWEEP_ONLY, Guard.DUTY_DUE)));
        return new LifecycleTable(r);
    }

    private static Row row(String command, String chinese, Class<? extends CaseCommand> type, Set<Stage> from, Stage to,
                           List<Guard> guards) {
        if (!type.getSimpleName().equals(command)) throw new IllegalStateException("row name " + command + " != " + type);
        return new Row(command, chinese, type, from, to, guards, "");
    }
}
