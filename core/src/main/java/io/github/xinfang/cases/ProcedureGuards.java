package io.github.xinfang.cases;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.time.ClockId;
import io.github.xinfang.time.ClockRun;
import io.github.xinfang.time.DutyId;
import io.github.xinfang.time.TimeLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The procedure table's guards at work: for each {@link LifecycleTable.Guard}, the check a row runs after the table
 * allowed its command, answering with one of the guard's codes or nothing. Stateless apart from the time limits and
 * the directory it reads; thread-safe.
 */
final class ProcedureGuards {
    private final TimeLimits limits;
    private final OrganisationDirectory directory;

    ProcedureGuards(TimeLimits limits, OrganisationDirectory directory) {
        this.limits = limits;
        this.directory = directory;
    }

    /**
     * Runs one guard of a row.
     *
     * @return the rejection, or null when the guard passes
     */
    Rejection check(LifecycleTable.Guard guard, LifecycleTable.Row row, CaseState s, Petition petition, Petition corrected,
                    CaseCommand c, Instant at) {
        Stage stage = s == null ? null : s.stage();
        switch (guard) {
            case ACTOR_NOT_ACCUSED:
                return actorIsAccused(c.actor(), petition) ? accused(stage, "actor") : null;
            case UNIT_NOT_ACCUSED: {
                UnitId unit = c instanceof ProcedureCommand.Route r ? r.unit() : ((ProcedureCommand.Import) c).handlingUnit();
                return unit != null && accusedUnits(petition).contains(unit) ? accused(stage, "unit") : null;
            }
            case FACT_NOT_BEFORE_EARLIER_FACTS:
                for (LocalDate d : row.factDates(c)) {
                    if (d.isBefore(s.lastFactOn())) {
                        return Rejection.invalid(row.factField(), "must not be before the case's earlier facts", "不得早于事项此前的事实日期", stage);
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
        TimeLimits.ClockState wanted;
        if (c instanceof SweepCommand.RecordWarning w) {
            clock = w.clock(); round = w.round(); dueAt = w.dueAt(); wanted = TimeLimits.ClockState.DUE_SOON;
        } else if (c instanceof SweepCommand.RecordBreach b) {
            clock = b.clock(); round = b.round(); dueAt = b.dueAt(); wanted = TimeLimits.ClockState.OVERDUE;
        } else {
            SweepCommand.RecordLapse l = (SweepCommand.RecordLapse) c;
            clock = l.clock(); round = l.round(); dueAt = l.dueAt(); wanted = TimeLimits.ClockState.LAPSED;
        }
        Optional<ClockRun> run = s.clocks().run(clock);
        boolean recorded = run.map(r -> wanted == TimeLimits.ClockState.DUE_SOON ? r.warned() || r.breached() : r.breached()).orElse(true);
        if (!recorded && run.get().round() == round) {
            for (TimeLimits.ClockStatus st : limits.clocks(s.clocks(), s.profile(), petition.category(), petition.region(), at)) {
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
        TimeLimits.ClockState wanted;
        if (c instanceof SweepCommand.RecordDutyWarning w) {
            duty = w.duty(); dueAt = w.dueAt(); wanted = TimeLimits.ClockState.DUE_SOON;
        } else {
            SweepCommand.RecordDutyBreach b = (SweepCommand.RecordDutyBreach) c;
            duty = b.duty(); dueAt = b.dueAt(); wanted = TimeLimits.ClockState.OVERDUE;
        }
        for (TimeLimits.DutyStatus st : limits.duties(s.duties(), petition.region(), at)) {
            if (!st.duty().equals(duty)) continue;
            boolean recorded = wanted == TimeLimits.ClockState.DUE_SOON ? st.warningRecorded() || st.breachRecorded() : st.breachRecorded();
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
}
