package io.github.xinfang.cases;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.time.ClockId;
import io.github.xinfang.time.ClockRun;
import io.github.xinfang.time.ClockState;
import io.github.xinfang.time.ClockStatus;
import io.github.xinfang.time.DutyId;
import io.github.xinfang.time.DutyKind;
import io.github.xinfang.time.DutyStatus;
import io.github.xinfang.time.TimeLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The decide function of the case aggregate: (state, command, recordedAt) → events, or a rejection.
 *
 * <p>Pure: it reads no clock and no store; its only collaborators are immutable values (the time-limit
 * rules and the organisation directory). It checks the command's fields, looks the command up in
 * {@link LifecycleTable#procedure()}, then runs the row's {@link LifecycleTable.Guard guards} in order. It never
 * throws for the content of a command. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CaseDecider {
    private final TimeLimits limits;
    private final OrganisationDirectory directory;
    private final CommandChecks checks;
    private final LifecycleTable table = LifecycleTable.procedure();
    private final RankLadder ladder;
    private final EscalationPolicy escalation;
    private final ResolutionDecider resolution;

    private CaseDecider(TimeLimits limits, OrganisationDirectory directory, RankLadder ladder, EscalationPolicy escalation,
                        ApprovalRule approval) {
        this.limits = limits;
        this.directory = directory;
        this.checks = new CommandChecks(limits, directory);
        this.ladder = ladder;
        this.escalation = escalation;
        for (EscalationPolicy.Rule r : escalation.rules()) {
            if (!ladder.knows(r.requires().rank())) {
                throw new IllegalArgumentException("escalation: rule " + r.name() + " requires a rank that is not on the ladder");
            }
        }
        this.resolution = new ResolutionDecider(directory, ladder, approval);
    }

    /**
     * A decider with the civil-service {@link RankLadder} and the {@link EscalationPolicy#standard() standard}
     * escalation policy.
     *
     * @param limits the time-limit rules
     * @param directory the organisation directory
     * @return a decider
     */
    public static CaseDecider create(TimeLimits limits, OrganisationDirectory directory) {
        return create(limits, directory, RankLadder.civilService(), EscalationPolicy.standard());
    }

    /**
     * @param limits the time-limit rules
     * @param directory the organisation directory
     * @param ladder the portal's rank ladder
     * @param escalation the portal's escalation policy (its ranks on the ladder)
     * @return a decider
     * @throws IllegalArgumentException if a rule of the policy requires a rank that is not on the ladder
     * @since 0.2
     */
    public static CaseDecider create(TimeLimits limits, OrganisationDirectory directory, RankLadder ladder,
                                     EscalationPolicy escalation) {
        return create(limits, directory, ladder, escalation, ApprovalRule.standard());
    }

    /**
     * @param limits the time-limit rules
     * @param directory the organisation directory
     * @param ladder the portal's rank ladder
     * @param escalation the portal's escalation policy (its ranks on the ladder)
     * @param approval who may approve a resolution (审核销号)
     * @return a decider
     * @throws IllegalArgumentException if a rule of the policy requires a rank that is not on the ladder
     * @since 0.2
     */
    public static CaseDecider create(TimeLimits limits, OrganisationDirectory directory, RankLadder ladder,
                                     EscalationPolicy escalation, ApprovalRule approval) {
        return new CaseDecider(Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(directory, "directory"),
                Objects.requireNonNull(ladder, "ladder"), Objects.requireNonNull(escalation, "escalation"),
                Objects.requireNonNull(approval, "approval"));
    }

    /** @return the time-limit rules this decider counts with */
    public TimeLimits timeLimits() {
        return limits;
    }

    /**
     * Checks a command's own fields (presence, lengths, text, dates not after {@code today}), without its case and
     * without the directory: the checks {@link #decide} runs first.
     *
     * @param command the command, possibly null
     * @param today the day the command is handled, in the time limits' zone
     * @return a {@code VALIDATION} rejection naming the first bad field, or empty
     */
    public Optional<Rejection> checkFields(CaseCommand command, LocalDate today) {
        try {
            checks.checkShape(command, Objects.requireNonNull(today, "today"));
            return Optional.empty();
        } catch (FieldProblem p) {
            return Optional.of(p.rejection(null));
        }
    }

    /**
     * Checks the units and officials a well-formed command names against the directory.
     *
     * @param command a command that passed {@link #checkFields}
     * @return a {@code VALIDATION} rejection naming the first unknown unit or official, or empty
     */
    public Optional<Rejection> checkDirectory(CaseCommand command) {
        try {
            checks.checkDirectory(Objects.requireNonNull(command, "command"));
            return Optional.empty();
        } catch (FieldProblem p) {
            return Optional.of(p.rejection(null));
        }
    }

    /**
     * Decides a command.
     *
     * @param state the case's state, or null if the case does not exist
     * @param command the command
     * @param recordedAt the instant the events will carry (not before the state's last {@code recordedAt})
     * @return the events to append, or a rejection
     */
    public Decision decide(CaseState state, CaseCommand command, Instant recordedAt) {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Stage stage = state == null ? null : state.stage();
        LocalDate today = LocalDate.ofInstant(recordedAt, limits.zone());
        try {
            checks.checkShape(command, today);
            checks.checkDirectory(command);
        } catch (FieldProblem p) {
            return reject(p.rejection(stage));
        }
        if (state != null && !state.caseId().equals(command.caseId())) {
            return reject(Rejection.invalid("caseId", "does not match the loaded case", "与所载事项不符", stage));
        }
        boolean creates = command instanceof ProcedureCommand.Register || command instanceof ProcedureCommand.Import;
        if (state == null && !creates) {
            return reject(Rejection.of(RejectionCode.CASE_NOT_FOUND, null));
        }
        if (state != null && creates) {
            return reject(Rejection.of(RejectionCode.CASE_EXISTS, stage));
        }
        Optional<ResolutionTable.Row> resolutionRow = ResolutionTable.resolution().row(command.getClass());
        if (resolutionRow.isPresent() && command instanceof ResolutionCommand.ReassessEscalation) {
            Rejection refused = resolution.check(state, command, resolutionRow.get());
            if (refused != null) return reject(refused);
            List<CaseEvent> rise = escalated(state, List.of(), recordedAt);
            if (rise.isEmpty()) {
                Resolution r = state.resolution();
                return reject(Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "no escalation rule newly fires (track "
                        + r.track() + ")", "无新触发的提级包案规则（化解状态：" + r.track().chinese() + "）"));
            }
            return new Decision.Accepted(rise);
        }
        if (resolutionRow.isPresent()) {
            Decision d = resolution.decide(state, command, resolutionRow.get(), recordedAt);
            assert !(d instanceof Decision.Accepted a) || landsOnTarget(resolutionRow.get(), state, a.events());
            return d instanceof Decision.Accepted a ? escalate(state, a.events(), recordedAt) : d;
        }
        LifecycleTable.Row row = table.row(command.getClass()).orElseThrow(
                () -> new AssertionError("no table row for " + command.getClass().getName()));
        if (stage == Stage.MERGED && command instanceof ActivityCommand.RecordRepeatPetition) {
            CaseId survivor = state.activity().mergedInto();
            return reject(Rejection.of(RejectionCode.MERGED_INTO, stage, "the case was merged into " + survivor,
                    "该事项已并入" + survivor));
        }
        if (!table.allows(stage, command.getClass())) {
            return reject(Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage,
                    command.getClass().getSimpleName() + " from " + stage, row.chinese() + "，当前阶段：" + stage.chinese()));
        }
        Petition petition;
        Petition corrected = null;
        try {
            if (command instanceof ProcedureCommand.Register c) petition = CommandChecks.parsePetition(c.petition(), today);
            else if (command instanceof ProcedureCommand.Import c) petition = CommandChecks.parsePetition(c.petition(), today);
            else petition = state.petition();
            if (command instanceof ProcedureCommand.CorrectPetition c) corrected = CommandChecks.parsePetition(c.petition(), today);
        } catch (FieldProblem p) {
            return reject(p.rejection(stage));
        }
        for (LifecycleTable.Guard guard : row.guards()) {
            Rejection r = check(guard, state, petition, corrected, command, recordedAt);
            assert r == null || guard.codes().contains(r.code()) : guard + " answered " + r.code() + ", not one of " + guard.codes();
            if (r != null) return reject(r);
        }
        EventId id = new EventId(command.caseId(), state == null ? 1 : state.lastSequence() + 1);
        List<CaseEvent> events = List.of(event(id, state, petition, corrected, command, recordedAt));
        assert landsOnTarget(row, state, command, events);
        return escalate(state, events, recordedAt);
    }

    /**
     * Whether a procedure row's events land where the row says: its {@code to}, the stage an import brings, or the
     * stage it stays in. Checked (with assertions on) for every accepted command.
     */
    private static boolean landsOnTarget(LifecycleTable.Row row, CaseState before, CaseCommand c, List<CaseEvent> events) {
        Stage target = row.to() != null ? row.to() : before == null ? ((ProcedureCommand.Import) c).stage() : before.stage();
        Stage landed = replayed(before, events).stage();
        if (landed != target) {
            throw new AssertionError(row.command() + " from " + (before == null ? "(none)" : before.stage()) + " landed on "
                    + landed + ", its row says " + target);
        }
        return true;
    }

    /** Whether a resolution row's events move the track where the row says ({@link ResolutionTable.Row#next}). */
    private static boolean landsOnTarget(ResolutionTable.Row row, CaseState before, List<CaseEvent> events) {
        TrackState from = before.resolution() == null ? null : before.resolution().track();
        Resolution after = replayed(before, events).resolution();
        TrackState landed = after == null ? null : after.track();
        if (landed != row.next(from)) {
            throw new AssertionError(row.command() + " from track " + from + " landed on " + landed + ", its row says "
                    + row.next(from));
        }
        return true;
    }

    private static CaseState replayed(CaseState before, List<CaseEvent> events) {
        CaseState after = before;
        for (CaseEvent e : events) after = CaseState.evolve(after, e);
        return after;
    }

    /**
     * 提级包案: recomputes the required rank after the events and, when it rises, appends the event that records
     * the rise, naming the rules that fired. The requirement never falls.
     */
    private Decision escalate(CaseState before, List<CaseEvent> events, Instant at) {
        return new Decision.Accepted(escalated(before, events, at));
    }

    /** The events followed by the rise they cause (and the replacement clock it starts), if any. */
    private List<CaseEvent> escalated(CaseState before, List<CaseEvent> events, Instant at) {
        CaseState after = before;
        for (CaseEvent e : events) after = CaseState.evolve(after, e);
        Resolution r = after.resolution();
        if (r == null) return events;
        EscalationPolicy.Inputs inputs = escalationInputs(after, at);
        RequiredRank current = r.requiredRank();
        RequiredRank raised = current;
        List<String> rules = new ArrayList<>();
        for (EscalationPolicy.Rule rule : escalation.firing(inputs)) {
            boolean alreadyImplied = current != null && ladder.meets(current.rank(), current.principal(), rule.requires());
            if (alreadyImplied) continue;
            raised = ladder.join(raised, rule.requires());
            rules.add(rule.name());
        }
        if (rules.isEmpty() || raised.equals(current)) return events;
        List<CaseEvent> all = new ArrayList<>(events);
        long seq = after.lastSequence();
        all.add(new ResolutionEvent.RequiredRankRaised(new EventId(after.caseId(), ++seq), ESCALATION, at, raised, rules));
        Optional<Resolution.Assignment> active = r.activeAssignment();
        if (active.isPresent() && after.duties().open(DutyKind.REPLACEMENT).isEmpty() && !leaderMeets(active.get().leader(), raised)) {
            all.add(new ResolutionEvent.ReplacementClockStarted(new EventId(after.caseId(), ++seq), ESCALATION, at,
                    after.duties().count(DutyKind.REPLACEMENT) + 1, LocalDate.ofInstant(at, limits.zone()), limits.replacementLimit()));
        }
        return all;
    }

    /**
     * The instant a days-overdue rule of the escalation policy ({@link EscalationPolicy.Rule#daysOverdueAtLeast})
     * starts to fire on a case without any event: its earliest open duty clock or duty has then been overdue that
     * many days. Rules whose requirement the case's required rank already meets are skipped. The case service puts
     * it into the index row's next attention instant, and the deadline sweep then asks for the rank to be
     * recomputed ({@link ResolutionCommand.ReassessEscalation}). A pure function of the state, the profile, the calendar
     * and the policy.
     *
     * @param state a case's state
     * @return the instant, or empty when no such rule can still fire (or the case is not on the resolution track)
     * @since 0.2
     */
    public Optional<Instant> nextEscalationCheck(CaseState state) {
        Objects.requireNonNull(state, "state");
        Resolution r = state.resolution();
        if (r == null) return Optional.empty();
        Optional<Instant> due = Optional.empty();
        boolean looked = false;
        Instant next = null;
        for (EscalationPolicy.Rule rule : escalation.rules()) {
            java.util.OptionalLong days = rule.overdueThreshold();
            if (days.isEmpty()) continue;
            RequiredRank current = r.requiredRank();
            if (current != null && ladder.meets(current.rank(), current.principal(), rule.requires())) continue;
            if (!looked) {
                Petition p = state.petition();
                due = limits.earliestDue(state.clocks(), state.duties(), state.profile(), p.category(), p.region());
                looked = true;
            }
            if (due.isEmpty()) return Optional.empty();
            Instant at = due.get().atZone(limits.zone()).plusDays(days.getAsLong() - 1).toInstant();
            if (next == null || at.isBefore(next)) next = at;
        }
        return Optional.ofNullable(next);
    }

    /** Whether an official's rank in the directory meets a requirement (an unknown official or rank does not). */
    private boolean leaderMeets(OfficialId leader, RequiredRank required) {
        return directory.official(leader).map(o -> ladder.knows(o.rank()) && ladder.meets(o.rank(), o.principal(), required))
                .orElse(false);
    }

    /**
     * The escalation inputs of a case as of an instant: the hard-case flag, its batches' issuing levels, the largest
     * headcount (the petition's or a repeat petition's), its repeat petitions (件次 and 人次), the farthest skipped
     * level, and the most days any of its duty clocks or duties is overdue.
     */
    private EscalationPolicy.Inputs escalationInputs(CaseState s, Instant at) {
        Set<IssuingLevel> levels = EnumSet.noneOf(IssuingLevel.class);
        for (Resolution.Batch b : s.resolution().batches()) levels.add(b.level());
        CaseActivity act = s.activity();
        long overdue = 0;
        Petition p = s.petition();
        for (ClockStatus st : limits.clocks(s.clocks(), s.profile(), p.category(), p.region(), at)) {
            if (st.state() == ClockState.OVERDUE) overdue = Math.max(overdue, st.daysLate());
        }
        for (DutyStatus st : limits.duties(s.duties(), p.region(), at)) {
            if (st.state() == ClockState.OVERDUE) overdue = Math.max(overdue, st.daysLate());
        }
        return new EscalationPolicy.Inputs(s.resolution().hardCase(), levels, Math.max(p.headcount(), act.largestRepeatHeadcount()),
                act.repeatPetitions().size(), act.repeatPersons(), act.farthestSkip(), overdue);
    }

    /** The actor of the events the escalation policy records. */
    static final Actor ESCALATION = Actor.system("escalation");

    /** @return the rank ladder this decider checks leaders against */
    public RankLadder rankLadder() {
        return ladder;
    }

    /** @return the escalation policy this decider applies */
    public EscalationPolicy escalationPolicy() {
        return escalation;
    }

    private static Decision reject(Rejection r) {
        return new Decision.Rejected(r);
    }

    private Rejection check(LifecycleTable.Guard guard, CaseState s, Petition petition, Petition corrected, CaseCommand c,
                            Instant at) {
        Stage stage = s == null ? null : s.stage();
        switch (guard) {
            case ACTOR_NOT_ACCUSED:
                return actorIsAccused(c.actor(), petition) ? accused(stage, "actor") : null;
            case UNIT_NOT_ACCUSED: {
                UnitId unit = c instanceof ProcedureCommand.Route r ? r.unit() : ((ProcedureCommand.Import) c).handlingUnit();
                return unit != null && accusedUnits(petition).contains(unit) ? accused(stage, "unit") : null;
            }
            case FACT_NOT_BEFORE_EARLIER_FACTS:
                for (LocalDate d : factDates(c)) {
                    if (d.isBefore(s.lastFactOn())) {
                        return Rejection.invalid(factField(c), "must not be before the case's earlier facts", "不得早于事项此前的事实日期", stage);
                    }
                }
                return null;
            case CLAIM_CATEGORY_ONLY:
                return petition.category() == Category.CLAIM ? null
                        : Rejection.of(RejectionCode.NOT_APPLICABLE_TO_CATEGORY, stage, "only for claims (申诉求决类)", "仅适用于申诉求决类");
            case OUTCOME_FITS_CATEGORY: {
                Outcome outcome = ((ProcedureCommand.ProposeConclusion) c).outcome();
                if (petition.category() == Category.CLAIM && outcome == null) {
                    return Rejection.invalid("outcome", "an Art. 32 outcome is required for claims (申诉求决类)", "申诉求决类须给出第三十二条规定的处理结果", stage);
                }
                if (petition.category() != Category.CLAIM && outcome != null) {
                    return Rejection.of(RejectionCode.NOT_APPLICABLE_TO_CATEGORY, stage,
                            "Art. 32 outcomes apply to claims only", "第三十二条处理意见仅适用于申诉求决类");
                }
                return null;
            }
            case INSIDE_OBJECTION_WINDOW:
                return window(s, ClockId.OBJECTION, s.unitReceivedOn(), ((ProcedureCommand.RaiseObjection) c).objectedOn());
            case INSIDE_REVIEW_WINDOW:
                return window(s, ClockId.REVIEW_REQUEST, s.replyServedOn(), ((ProcedureCommand.RequestReview) c).receivedOn());
            case INSIDE_RE_REVIEW_WINDOW:
                return window(s, ClockId.RE_REVIEW_REQUEST, s.reviewOpinionServedOn(), ((ProcedureCommand.RequestReReview) c).receivedOn());
            case HAS_HANDLING_CLOCK:
                return limits.hasHandlingClock(s.profile(), petition.category()) ? null
                        : Rejection.of(RejectionCode.NOT_APPLICABLE_TO_CATEGORY, stage,
                        "the profile gives this category no handling limit", "该类事项无办理期限");
            case APPROVER_OF_HANDLING_UNIT:
                return c.actor() instanceof Actor.OfficialActor a && a.unit().equals(s.handlingUnit()) ? null
                        : Rejection.of(RejectionCode.NOT_AUTHORISED, stage,
                        "the approver must be an official of the handling unit", "审批人须为承办单位人员");
            case EXTENSION_UNUSED:
                return s.extensionDays() == 0 ? null : Rejection.of(RejectionCode.EXTENSION_ALREADY_GRANTED, stage);
            case EXTENSION_WITHIN_MAXIMUM: {
                int max = limits.maxExtensionDays(s.profile());
                return ((ProcedureCommand.Extend) c).days() <= max ? null
                        : Rejection.of(RejectionCode.EXTENSION_TOO_LONG, stage, "at most " + max + " days", "最长" + max + "日");
            }
            case APPROVER_NOT_PROPOSER:
                return sameActor(c.actor(), s.proposer()) ? Rejection.of(RejectionCode.SAME_ACTOR, stage) : null;
            case REPLY_NOT_YET_SERVED:
                return s.replyServedOn() == null ? null
                        : Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "the reply was already served", "答复已送达");
            case OPINION_NOT_YET_SERVED:
                return s.reviewOpinionServedOn() == null ? null
                        : Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "the review opinion was already served", "复查意见已送达");
            case HEARING_NOT_OPEN:
                return s.hearingOpenedOn() == null ? null
                        : Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "a hearing is open; close it first", "听证尚未结束");
            case IMPORTED_EXTENSION_WITHIN_MAXIMUM: {
                ProcedureCommand.Import im = (ProcedureCommand.Import) c;
                int max = limits.maxExtensionDays(im.profile() == null ? limits.defaultProfile() : im.profile());
                for (int i = 0; i < im.facts().size(); i++) {
                    Integer days = im.facts().get(i).days();
                    if (days != null && days > max) {
                        return Rejection.of(RejectionCode.EXTENSION_TOO_LONG, stage, "facts[" + i + "]: at most " + max + " days",
                                "facts[" + i + "]：最长" + max + "日");
                    }
                }
                return null;
            }
            case HEARING_OPEN:
                return s.hearingOpenedOn() != null ? null
                        : Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "no hearing is open", "没有进行中的听证");
            case CORRECTION_FITS_STAGE:
                return correctionFits(s, corrected);
            case CORRECTION_KEEPS_HANDLER_UNACCUSED:
                if (s.handlingUnit() != null && accusedUnits(corrected).contains(s.handlingUnit())) return accused(stage, "handling unit");
                return actorIsAccused(c.actor(), corrected) ? accused(stage, "actor") : null;
            case TERMINATION_PROVIDED:
                return limits.terminationProvided(s.profile()) ? null
                        : Rejection.of(RejectionCode.NOT_PROVIDED_BY_PROFILE, stage, "the profile " + s.profile()
                        + " does not provide for termination", "时限方案" + s.profile() + "未规定终结");
            case SWEEP_ONLY:
                return c.actor() instanceof Actor.SystemActor ? null
                        : Rejection.of(RejectionCode.NOT_AUTHORISED, stage, "only the deadline sweep records this", "仅由期限巡检记录");
            case CLOCK_DUE:
                return clockDue(s, petition, c, at);
            case NOT_INTO_ITSELF:
                return ((ActivityCommand.Merge) c).into().equals(s.caseId())
                        ? Rejection.invalid("into", "a case is not merged into itself", "事项不得并入自身", stage) : null;
            case SERVICE_ONLY:
                return c.actor() instanceof Actor.SystemActor ? null
                        : Rejection.of(RejectionCode.NOT_AUTHORISED, stage, "only the case service records this", "仅由系统记录");
            case REPEAT_NOT_BEFORE_RECEIPT:
                return ((ActivityCommand.RecordRepeatPetition) c).receivedOn().isBefore(petition.receivedOn())
                        ? Rejection.invalid("receivedOn", "must not be before the original petition's receipt", "不得早于原信访事项的收到日期", stage) : null;
            case SUPERVISABLE:
                return !stage.isTerminal() || s.resolution() != null ? null
                        : Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "supervision of a case in " + stage
                        + " that is not on the resolution track", "已终止且未列为积案的事项不可督办，当前阶段：" + stage.chinese());
            case ADDRESSEE_NOT_ACCUSED:
                return accusedUnits(petition).contains(((ActivityCommand.IssueSupervision) c).addressee()) ? accused(stage, "addressee") : null;
            case SUPERVISION_AWAITING_FEEDBACK: {
                ActivityCommand.RecordSupervisionFeedback f = (ActivityCommand.RecordSupervisionFeedback) c;
                Optional<CaseActivity.Supervision> sup = s.activity().supervision(f.supervision());
                if (sup.isEmpty()) return Rejection.invalid("supervision", "no supervision with this number on the case", "编号在本事项中不存在", stage);
                if (sup.get().feedbackOn() != null) {
                    return Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "feedback on supervision " + f.supervision()
                            + " was already given", "该督办已反馈");
                }
                return f.givenOn().isBefore(sup.get().issuedOn())
                        ? Rejection.invalid("givenOn", "must not be before the supervision was issued", "不得早于督办下发日期", stage) : null;
            }
            case DUTY_DUE:
                return dutyDue(s, petition, c, at);
            default:
                throw new AssertionError("unhandled guard " + guard);
        }
    }

    private Rejection window(CaseState s, ClockId clock, LocalDate start, LocalDate requestedOn) {
        if (start == null) {
            boolean review = clock == ClockId.REVIEW_REQUEST;
            return Rejection.of(RejectionCode.WINDOW_NOT_OPEN, s.stage(),
                    review ? "the written reply was not served yet" : "the review opinion was not served yet",
                    review ? "书面答复尚未送达" : "复查意见尚未送达");
        }
        Optional<LocalDate> last = limits.lastDay(s.profile(), clock, s.petition().region(), start);
        return last.isPresent() && requestedOn.isAfter(last.get()) ? expired(s.stage(), last.get()) : null;
    }

    private Rejection correctionFits(CaseState s, Petition corrected) {
        Stage stage = s.stage();
        boolean claim = corrected.category() == Category.CLAIM;
        if (!claim && (stage == Stage.UNDER_REVIEW || stage == Stage.REVIEWED || stage == Stage.UNDER_RE_REVIEW)) {
            return Rejection.of(RejectionCode.NOT_APPLICABLE_TO_CATEGORY, stage, "review belongs to claims only",
                    "复查复核仅适用于申诉求决类");
        }
        if (stage == Stage.PENDING_APPROVAL && (s.outcome() != null) != claim) {
            return Rejection.of(RejectionCode.NOT_APPLICABLE_TO_CATEGORY, stage, "the pending proposal does not fit the new category",
                    "待审核的处理意见与新类别不符");
        }
        LocalDate bound = s.unitReceivedOn() != null ? s.unitReceivedOn() : s.lastFactOn();
        if (corrected.receivedOn().isAfter(bound)) {
            return Rejection.invalid("petition.receivedOn", "must not be after the case's later facts", "不得晚于事项此后的事实日期", stage);
        }
        return null;
    }

    private Rejection clockDue(CaseState s, Petition petition, CaseCommand c, Instant at) {
        ClockId clock;
        int round;
        Instant dueAt;
        ClockState wanted;
        if (c instanceof SweepCommand.RecordWarning w) {
            clock = w.clock(); round = w.round(); dueAt = w.dueAt(); wanted = ClockState.DUE_SOON;
        } else if (c instanceof SweepCommand.RecordBreach b) {
            clock = b.clock(); round = b.round(); dueAt = b.dueAt(); wanted = ClockState.OVERDUE;
        } else {
            SweepCommand.RecordLapse l = (SweepCommand.RecordLapse) c;
            clock = l.clock(); round = l.round(); dueAt = l.dueAt(); wanted = ClockState.LAPSED;
        }
        Optional<ClockRun> run = s.clocks().run(clock);
        boolean recorded = run.map(r -> wanted == ClockState.DUE_SOON ? r.warned() || r.breached() : r.breached()).orElse(true);
        if (!recorded && run.get().round() == round) {
            for (ClockStatus st : limits.clocks(s.clocks(), s.profile(), petition.category(), petition.region(), at)) {
                if (st.clock() == clock && st.round() == round && st.dueAt().equals(dueAt) && st.state() == wanted) return null;
            }
        }
        return Rejection.of(RejectionCode.ILLEGAL_TRANSITION, s.stage(), clock + " round " + round + " is not "
                + wanted.name().toLowerCase(java.util.Locale.ROOT) + " at " + dueAt + ", or that was already recorded",
                "该期限当前不处于所记录的状态，或已记录");
    }

    private Rejection dutyDue(CaseState s, Petition petition, CaseCommand c, Instant at) {
        DutyId duty;
        Instant dueAt;
        ClockState wanted;
        if (c instanceof SweepCommand.RecordDutyWarning w) {
            duty = w.duty(); dueAt = w.dueAt(); wanted = ClockState.DUE_SOON;
        } else {
            SweepCommand.RecordDutyBreach b = (SweepCommand.RecordDutyBreach) c;
            duty = b.duty(); dueAt = b.dueAt(); wanted = ClockState.OVERDUE;
        }
        for (DutyStatus st : limits.duties(s.duties(), petition.region(), at)) {
            if (!st.duty().equals(duty)) continue;
            boolean recorded = wanted == ClockState.DUE_SOON ? st.warningRecorded() || st.breachRecorded() : st.breachRecorded();
            if (!recorded && st.dueAt().equals(dueAt) && st.state() == wanted) return null;
        }
        return Rejection.of(RejectionCode.ILLEGAL_TRANSITION, s.stage(), "duty " + duty + " is not "
                + wanted.name().toLowerCase(java.util.Locale.ROOT) + " at " + dueAt + ", or that was already recorded",
                "该职责期限当前不处于所记录的状态，或已记录");
    }

    private static Rejection expired(Stage stage, LocalDate last) {
        return Rejection.of(RejectionCode.WINDOW_EXPIRED, stage, "the last day was " + last, "期限最后一日为" + last);
    }

    private static Rejection accused(Stage stage, String who) {
        return Rejection.of(RejectionCode.ACCUSED_PARTY, stage, who + " is or belongs to an accused party", "涉及被反映对象");
    }

    /** Two actors are the same person: the same official (whatever unit they act for), or equal system actors. */
    static boolean sameActor(Actor a, Actor b) {
        if (a instanceof Actor.OfficialActor x && b instanceof Actor.OfficialActor y) return x.official().equals(y.official());
        return Objects.equals(a, b);
    }

    static Set<UnitId> accusedUnits(Petition petition, OrganisationDirectory directory) {
        Set<UnitId> units = new HashSet<>();
        for (AccusedParty p : petition.accused()) {
            if (p instanceof AccusedParty.AccusedUnit u) units.add(u.unit());
            if (p instanceof AccusedParty.AccusedOfficial o) directory.official(o.official()).ifPresent(off -> units.add(off.unit()));
        }
        return units;
    }

    private Set<UnitId> accusedUnits(Petition petition) {
        return accusedUnits(petition, directory);
    }

    private boolean actorIsAccused(Actor actor, Petition petition) {
        if (!(actor instanceof Actor.OfficialActor a)) return false;
        Set<OfficialId> officials = new HashSet<>();
        for (AccusedParty p : petition.accused()) {
            if (p instanceof AccusedParty.AccusedOfficial o) officials.add(o.official());
        }
        if (officials.contains(a.official())) return true;
        Set<UnitId> units = accusedUnits(petition);
        return units.contains(a.unit())
                || directory.official(a.official()).map(off -> units.contains(off.unit())).orElse(false);
    }

    private static List<LocalDate> factDates(CaseCommand c) {
        if (c instanceof ProcedureCommand.Route x) return List.of(x.receivedOn());
        if (c instanceof ProcedureCommand.RaiseObjection x) return List.of(x.objectedOn());
        if (c instanceof ProcedureCommand.TransferOut x) return List.of(x.transferredOn());
        if (c instanceof ProcedureCommand.Redirect x) return List.of(x.redirectedOn());
        if (c instanceof ProcedureCommand.Decline x) return List.of(x.declinedOn());
        if (c instanceof ProcedureCommand.InformPetitioner x) return List.of(x.servedOn());
        if (c instanceof ProcedureCommand.Accept x) return List.of(x.acceptedOn());
        if (c instanceof ProcedureCommand.Extend x) return List.of(x.approvedOn(), x.petitionerToldOn());
        if (c instanceof ProcedureCommand.ProposeConclusion x) return List.of(x.proposedOn());
        if (c instanceof ProcedureCommand.ApproveConclusion x) return List.of(x.approvedOn());
        if (c instanceof ProcedureCommand.ServeReply x) return List.of(x.servedOn());
        if (c instanceof ProcedureCommand.RequestReview x) return List.of(x.receivedOn());
        if (c instanceof ProcedureCommand.ConcludeReview x) return List.of(x.concludedOn());
        if (c instanceof ProcedureCommand.ServeReviewOpinion x) return List.of(x.servedOn());
        if (c instanceof ProcedureCommand.RequestReReview x) return List.of(x.receivedOn());
        if (c instanceof ProcedureCommand.ConcludeReReview x) return List.of(x.concludedOn());
        if (c instanceof ProcedureCommand.Reopen x) return List.of(x.reopenedOn());
        if (c instanceof ProcedureCommand.Withdraw x) return List.of(x.withdrawnOn());
        if (c instanceof ProcedureCommand.RecordContact x) return List.of(x.contactedOn());
        if (c instanceof ProcedureCommand.GiveStageReply x) return List.of(x.repliedOn());
        if (c instanceof ProcedureCommand.OpenHearing x) return List.of(x.openedOn());
        if (c instanceof ProcedureCommand.CloseHearing x) return List.of(x.closedOn());
        if (c instanceof ProcedureCommand.Terminate x) return List.of(x.terminatedOn());
        if (c instanceof ActivityCommand.Merge x) return List.of(x.mergedOn());
        if (c instanceof ActivityCommand.RecordFollowUpVisit x) return List.of(x.visitedOn());
        return List.of();
    }

    private static String factField(CaseCommand c) {
        if (c instanceof ProcedureCommand.Route || c instanceof ProcedureCommand.RequestReview || c instanceof ProcedureCommand.RequestReReview) return "receivedOn";
        if (c instanceof ProcedureCommand.RaiseObjection) return "objectedOn";
        if (c instanceof ProcedureCommand.TransferOut) return "transferredOn";
        if (c instanceof ProcedureCommand.Redirect) return "redirectedOn";
        if (c instanceof ProcedureCommand.Decline) return "declinedOn";
        if (c instanceof ProcedureCommand.InformPetitioner || c instanceof ProcedureCommand.ServeReply
                || c instanceof ProcedureCommand.ServeReviewOpinion) return "servedOn";
        if (c instanceof ProcedureCommand.Accept) return "acceptedOn";
        if (c instanceof ProcedureCommand.Extend || c instanceof ProcedureCommand.ApproveConclusion) return "approvedOn";
        if (c instanceof ProcedureCommand.ProposeConclusion) return "proposedOn";
        if (c instanceof ProcedureCommand.ConcludeReview || c instanceof ProcedureCommand.ConcludeReReview) return "concludedOn";
        if (c instanceof ProcedureCommand.Reopen) return "reopenedOn";
        if (c instanceof ProcedureCommand.Withdraw) return "withdrawnOn";
        if (c instanceof ProcedureCommand.RecordContact) return "contactedOn";
        if (c instanceof ProcedureCommand.GiveStageReply) return "repliedOn";
        if (c instanceof ProcedureCommand.OpenHearing) return "openedOn";
        if (c instanceof ProcedureCommand.CloseHearing) return "closedOn";
        if (c instanceof ProcedureCommand.Terminate) return "terminatedOn";
        if (c instanceof ActivityCommand.Merge) return "mergedOn";
        if (c instanceof ActivityCommand.RecordFollowUpVisit) return "visitedOn";
        return "date";
    }

    private static FreeText text(String s) {
        return new FreeText(s);
    }

    private CaseEvent event(EventId id, CaseState s, Petition petition, Petition corrected, CaseCommand command, Instant at) {
        Actor actor = command.actor();
        if (command instanceof ProcedureCommand.Register c) {
            return new ProcedureEvent.Registered(id, actor, at, c.profile() == null ? limits.defaultProfile() : c.profile(), petition);
        } else if (command instanceof ProcedureCommand.Import c) {
            return new ProcedureEvent.Imported(id, actor, at, c.profile() == null ? limits.defaultProfile() : c.profile(), petition,
                    c.stage(), c.handlingUnit(), c.facts());
        } else if (command instanceof ProcedureCommand.RecordContact c) {
            return new ProcedureEvent.ContactRecorded(id, actor, at, c.kind(), c.contactedOn());
        } else if (command instanceof ProcedureCommand.GiveStageReply c) {
            return new ProcedureEvent.StageReplyGiven(id, actor, at, text(c.text()), c.repliedOn());
        } else if (command instanceof ProcedureCommand.OpenHearing c) {
            return new ProcedureEvent.HearingOpened(id, actor, at, c.openedOn());
        } else if (command instanceof ProcedureCommand.CloseHearing c) {
            return new ProcedureEvent.HearingClosed(id, actor, at, c.closedOn());
        } else if (command instanceof ProcedureCommand.CorrectPetition c) {
            return new ProcedureEvent.PetitionCorrected(id, actor, at, corrected, text(c.reason()));
        } else if (command instanceof ProcedureCommand.ChangeProfile c) {
            return new ProcedureEvent.ProfileChanged(id, actor, at, c.profile(), text(c.reason()));
        } else if (command instanceof ProcedureCommand.Terminate c) {
            return new ProcedureEvent.Terminated(id, actor, at, text(c.legalBasis()), c.terminatedOn());
        } else if (command instanceof SweepCommand.RecordWarning c) {
            return new SweepEvent.WarningRecorded(id, actor, at, c.clock(), c.round(), c.dueAt());
        } else if (command instanceof SweepCommand.RecordBreach c) {
            return new SweepEvent.BreachRecorded(id, actor, at, c.clock(), c.round(), c.dueAt());
        } else if (command instanceof SweepCommand.RecordLapse c) {
            return new SweepEvent.LapseRecorded(id, actor, at, c.clock(), c.round(), c.dueAt());
        } else if (command instanceof ProcedureCommand.Route c) {
            return new ProcedureEvent.Routed(id, actor, at, c.unit(), c.receivedOn());
        } else if (command instanceof ProcedureCommand.RaiseObjection c) {
            return new ProcedureEvent.ObjectionRaised(id, actor, at, s.handlingUnit(), text(c.reason()), c.objectedOn());
        } else if (command instanceof ProcedureCommand.TransferOut c) {
            return new ProcedureEvent.TransferredOut(id, actor, at, c.organ(), c.transferredOn());
        } else if (command instanceof ProcedureCommand.Redirect c) {
            return new ProcedureEvent.Redirected(id, actor, at, c.channel(), c.redirectedOn());
        } else if (command instanceof ProcedureCommand.Decline c) {
            return new ProcedureEvent.Declined(id, actor, at, c.reason(), c.declinedOn());
        } else if (command instanceof ProcedureCommand.InformPetitioner c) {
            return new ProcedureEvent.PetitionerInformed(id, actor, at, c.servedOn());
        } else if (command instanceof ProcedureCommand.Accept c) {
            return new ProcedureEvent.Accepted(id, actor, at, c.acceptedOn());
        } else if (command instanceof ProcedureCommand.Extend c) {
            return new ProcedureEvent.Extended(id, actor, at, c.days(), text(c.reason()), c.approvedOn(), c.petitionerToldOn());
        } else if (command instanceof ProcedureCommand.ProposeConclusion c) {
            return new ProcedureEvent.ConclusionProposed(id, actor, at, c.outcome(), text(c.replyText()), c.proposedOn());
        } else if (command instanceof ProcedureCommand.ApproveConclusion c) {
            return new ProcedureEvent.ConclusionApproved(id, actor, at, c.approvedOn());
        } else if (command instanceof ProcedureCommand.ReturnForRework c) {
            return new ProcedureEvent.ReturnedForRework(id, actor, at, text(c.reason()));
        } else if (command instanceof ProcedureCommand.ServeReply c) {
            return new ProcedureEvent.ReplyServed(id, actor, at, c.servedOn());
        } else if (command instanceof ProcedureCommand.RequestReview c) {
            return new ProcedureEvent.ReviewRequested(id, actor, at, c.receivedOn());
        } else if (command instanceof ProcedureCommand.ConcludeReview c) {
            return new ProcedureEvent.ReviewConcluded(id, actor, at, text(c.opinion()), c.concludedOn());
        } else if (command instanceof ProcedureCommand.ServeReviewOpinion c) {
            return new ProcedureEvent.ReviewOpinionServed(id, actor, at, c.servedOn());
        } else if (command instanceof ProcedureCommand.RequestReReview c) {
            return new ProcedureEvent.ReReviewRequested(id, actor, at, c.receivedOn());
        } else if (command instanceof ProcedureCommand.ConcludeReReview c) {
            return new ProcedureEvent.ReReviewConcluded(id, actor, at, text(c.opinion()), c.concludedOn());
        } else if (command instanceof ProcedureCommand.Reopen c) {
            return new ProcedureEvent.Reopened(id, actor, at, text(c.reason()), c.reopenedOn());
        } else if (command instanceof ProcedureCommand.Withdraw c) {
            return new ProcedureEvent.Withdrawn(id, actor, at, c.withdrawnOn());
        } else if (command instanceof ActivityCommand.Merge c) {
            return new ActivityEvent.Merged(id, actor, at, c.into(), text(c.reason()), c.mergedOn());
        } else if (command instanceof ActivityCommand.RecordMergedCase c) {
            return new ActivityEvent.MergedCaseRecorded(id, actor, at, c.merged(), c.mergedOn());
        } else if (command instanceof ActivityCommand.RecordRepeatPetition c) {
            boolean accepted = s.stage() != Stage.FINAL && s.stage() != Stage.TERMINATED;
            return new ActivityEvent.RepeatPetitionRecorded(id, actor, at, c.receivedOn(), c.channel(), c.headcount(), c.skippedLevel(), accepted);
        } else if (command instanceof ActivityCommand.RecordFollowUpVisit c) {
            return new ActivityEvent.FollowUpVisitRecorded(id, actor, at, c.satisfaction(), c.visitedOn());
        } else if (command instanceof ActivityCommand.IssueSupervision c) {
            return new ActivityEvent.SupervisionIssued(id, actor, at, s.activity().supervisions().size() + 1, c.kind(), c.addressee(),
                    c.issuedOn(), c.feedbackDueOn());
        } else if (command instanceof ActivityCommand.RecordSupervisionFeedback c) {
            return new ActivityEvent.SupervisionFeedbackRecorded(id, actor, at, c.supervision(), text(c.feedback()), c.givenOn());
        } else if (command instanceof SweepCommand.RecordDutyWarning c) {
            return new SweepEvent.DutyWarningRecorded(id, actor, at, c.duty(), c.dueAt());
        } else if (command instanceof SweepCommand.RecordDutyBreach c) {
            return new SweepEvent.DutyBreachRecorded(id, actor, at, c.duty(), c.dueAt());
        }
        throw new AssertionError("unhandled command type " + command.getClass().getName());
    }
}
