package io.github.xinfang.cases;

import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Category;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.Obligation;
import io.github.xinfang.time.TimeLimits;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The procedure table's guards at work: for each guard constant of {@link LifecycleTable}, the check a row runs after
 * the table allowed its command, answering with one of the guard's codes or null. Stateless.
 */
final class ProcedureGuards {
    private ProcedureGuards() {}

    static Rejection actorNotAccused(GuardInput in, CaseCommand c) {
        return actorIsAccused(c.actor(), in.petition(), in.directory()) ? accused(in.stage(), "actor") : null;
    }

    static Rejection routedUnitNotAccused(GuardInput in, ProcedureCommand.Route c) {
        return unitNotAccused(in, c.unit());
    }

    static Rejection importedUnitNotAccused(GuardInput in, ProcedureCommand.Import c) {
        return unitNotAccused(in, c.handlingUnit());
    }

    private static Rejection unitNotAccused(GuardInput in, UnitId unit) {
        return unit != null && accusedUnits(in.petition(), in.directory()).contains(unit) ? accused(in.stage(), "unit") : null;
    }

    static Rejection factNotBeforeEarlierFacts(GuardInput in, CaseCommand c) {
        for (LocalDate d : in.row().factDates(c)) {
            if (d.isBefore(in.state().timing().lastFactOn())) {
                return Rejection.invalid(in.row().factField(), "must not be before the case's earlier facts", "不得早于事项此前的事实日期",
                        in.stage());
            }
        }
        return null;
    }

    static Rejection claimCategoryOnly(GuardInput in, ProcedureCommand c) {
        return in.petition().category() == Category.CLAIM ? null
                : Rejection.of(Rejection.Code.NOT_APPLICABLE_TO_CATEGORY, in.stage(), "only for claims (申诉求决类)", "仅适用于申诉求决类");
    }

    static Rejection outcomeFitsCategory(GuardInput in, ProcedureCommand.ProposeConclusion c) {
        Category category = in.petition().category();
        if (category == Category.CLAIM && c.outcome() == null) {
            return Rejection.invalid("outcome", "an Art. 32 outcome is required for claims (申诉求决类)", "申诉求决类须给出第三十二条规定的处理结果",
                    in.stage());
        }
        if (category != Category.CLAIM && c.outcome() != null) {
            return Rejection.of(Rejection.Code.NOT_APPLICABLE_TO_CATEGORY, in.stage(),
                    "Art. 32 outcomes apply to claims only", "第三十二条处理意见仅适用于申诉求决类");
        }
        return null;
    }

    static Rejection insideObjectionWindow(GuardInput in, ProcedureCommand.RaiseObjection c) {
        return window(in, ClockId.OBJECTION, in.state().procedure().unitReceivedOn(), c.objectedOn());
    }

    static Rejection insideReviewWindow(GuardInput in, ProcedureCommand.RequestReview c) {
        return window(in, ClockId.REVIEW_REQUEST, in.state().conclusion().replyServedOn(), c.receivedOn());
    }

    static Rejection insideReReviewWindow(GuardInput in, ProcedureCommand.RequestReReview c) {
        return window(in, ClockId.RE_REVIEW_REQUEST, in.state().conclusion().reviewOpinionServedOn(), c.receivedOn());
    }

    static Rejection hasHandlingClock(GuardInput in, ProcedureCommand.Extend c) {
        return in.limits().hasHandlingClock(in.state().profile(), in.petition().category()) ? null
                : Rejection.of(Rejection.Code.NOT_APPLICABLE_TO_CATEGORY, in.stage(),
                "the profile gives this category no handling limit", "该类事项无办理期限");
    }

    static Rejection approverOfHandlingUnit(GuardInput in, ProcedureCommand.Extend c) {
        return c.actor() instanceof Actor.OfficialActor a && a.unit().equals(in.state().handlingUnit()) ? null
                : Rejection.of(Rejection.Code.NOT_AUTHORISED, in.stage(),
                "the approver must be an official of the handling unit", "审批人须为承办单位人员");
    }

    static Rejection extensionUnused(GuardInput in, ProcedureCommand.Extend c) {
        return in.state().procedure().extensionDays() == 0 ? null : Rejection.of(Rejection.Code.EXTENSION_ALREADY_GRANTED, in.stage());
    }

    static Rejection extensionWithinMaximum(GuardInput in, ProcedureCommand.Extend c) {
        int max = in.limits().maxExtensionDays(in.state().profile());
        return c.days() <= max ? null
                : Rejection.of(Rejection.Code.EXTENSION_TOO_LONG, in.stage(), "at most " + max + " days", "最长" + max + "日");
    }

    static Rejection approverNotProposer(GuardInput in, ProcedureCommand.ApproveConclusion c) {
        return sameActor(c.actor(), in.state().conclusion().proposer()) ? Rejection.of(Rejection.Code.SAME_ACTOR, in.stage()) : null;
    }

    static Rejection replyNotYetServed(GuardInput in, ProcedureCommand.ServeReply c) {
        return in.state().conclusion().replyServedOn() == null ? null
                : Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, in.stage(), "the reply was already served", "答复已送达");
    }

    static Rejection opinionNotYetServed(GuardInput in, ProcedureCommand.ServeReviewOpinion c) {
        return in.state().conclusion().reviewOpinionServedOn() == null ? null
                : Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, in.stage(), "the review opinion was already served", "复查意见已送达");
    }

    static Rejection hearingNotOpen(GuardInput in, ProcedureCommand c) {
        return in.state().procedure().hearingOpenedOn() == null ? null
                : Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, in.stage(), "a hearing is open; close it first", "听证尚未结束");
    }

    static Rejection hearingOpen(GuardInput in, ProcedureCommand.CloseHearing c) {
        return in.state().procedure().hearingOpenedOn() != null ? null
                : Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, in.stage(), "no hearing is open", "没有进行中的听证");
    }

    static Rejection importedExtensionWithinMaximum(GuardInput in, ProcedureCommand.Import c) {
        TimeLimits limits = in.limits();
        int max = limits.maxExtensionDays(c.profile() == null ? limits.defaultProfile() : c.profile());
        for (int i = 0; i < c.facts().size(); i++) {
            Integer days = c.facts().get(i).days();
            if (days != null && days > max) {
                return Rejection.of(Rejection.Code.EXTENSION_TOO_LONG, in.stage(), "facts[" + i + "]: at most " + max + " days",
                        "facts[" + i + "]：最长" + max + "日");
            }
        }
        return null;
    }

    static Rejection correctionFitsStage(GuardInput in, ProcedureCommand.CorrectPetition c) {
        CaseState s = in.state();
        Petition corrected = in.corrected();
        Stage stage = s.stage();
        boolean claim = corrected.category() == Category.CLAIM;
        if (!claim && (stage == Stage.UNDER_REVIEW || stage == Stage.REVIEWED || stage == Stage.UNDER_RE_REVIEW)) {
            return Rejection.of(Rejection.Code.NOT_APPLICABLE_TO_CATEGORY, stage, "review belongs to claims only",
                    "复查复核仅适用于申诉求决类");
        }
        if (stage == Stage.PENDING_APPROVAL && (s.conclusion().outcome() != null) != claim) {
            return Rejection.of(Rejection.Code.NOT_APPLICABLE_TO_CATEGORY, stage, "the pending proposal does not fit the new category",
                    "待审核的处理意见与新类别不符");
        }
        LocalDate bound = s.procedure().unitReceivedOn() != null ? s.procedure().unitReceivedOn() : s.timing().lastFactOn();
        if (corrected.receivedOn().isAfter(bound)) {
            return Rejection.invalid("petition.receivedOn", "must not be after the case's later facts", "不得晚于事项此后的事实日期", stage);
        }
        return null;
    }

    static Rejection correctionKeepsHandlerUnaccused(GuardInput in, ProcedureCommand.CorrectPetition c) {
        UnitId handler = in.state().handlingUnit();
        if (handler != null && accusedUnits(in.corrected(), in.directory()).contains(handler)) return accused(in.stage(), "handling unit");
        return actorIsAccused(c.actor(), in.corrected(), in.directory()) ? accused(in.stage(), "actor") : null;
    }

    static Rejection terminationProvided(GuardInput in, ProcedureCommand.Terminate c) {
        String profile = in.state().profile();
        return in.limits().terminationProvided(profile) ? null
                : Rejection.of(Rejection.Code.NOT_PROVIDED_BY_PROFILE, in.stage(), "the profile " + profile
                + " does not provide for termination", "时限方案" + profile + "未规定终结");
    }

    static Rejection systemOnly(GuardInput in, SweepCommand c) {
        return c.actor() instanceof Actor.SystemActor ? null
                : Rejection.of(Rejection.Code.NOT_AUTHORISED, in.stage(), "only the deadline sweep records this", "仅由期限巡检记录");
    }

    static Rejection notIntoItself(GuardInput in, ActivityCommand.Merge c) {
        return c.into().equals(in.state().caseId())
                ? Rejection.invalid("into", "a case is not merged into itself", "事项不得并入自身", in.stage()) : null;
    }

    static Rejection survivorOpen(GuardInput in, ActivityCommand.Merge c) {
        Optional<Stage> survivor = in.otherCases().apply(c.into());
        if (survivor.isEmpty()) return Rejection.invalid("into", "no case with this id", "不存在", in.stage());
        Stage stage = survivor.get();
        return stage.kind() == Stage.Kind.OPEN ? null : Rejection.invalid("into", "the surviving case is closed (" + stage + ")",
                "已处于" + stage.chinese() + "阶段，不得并入", in.stage());
    }

    static Rejection serviceOnly(GuardInput in, ActivityCommand.RecordMergedCase c) {
        return c.actor() instanceof Actor.SystemActor ? null
                : Rejection.of(Rejection.Code.NOT_AUTHORISED, in.stage(), "only the case service records this", "仅由系统记录");
    }

    static Rejection repeatNotBeforeReceipt(GuardInput in, ActivityCommand.RecordRepeatPetition c) {
        return c.receivedOn().isBefore(in.petition().receivedOn())
                ? Rejection.invalid("receivedOn", "must not be before the original petition's receipt", "不得早于原信访事项的收到日期",
                in.stage()) : null;
    }

    static Rejection supervisable(GuardInput in, ActivityCommand.IssueSupervision c) {
        Stage stage = in.stage();
        return !stage.isTerminal() || in.state().resolution() != null ? null
                : Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, stage, "supervision of a case in " + stage
                + " that is not on the resolution track", "已终止且未列为积案的事项不可督办，当前阶段：" + stage.chinese());
    }

    static Rejection addresseeNotAccused(GuardInput in, ActivityCommand.IssueSupervision c) {
        return accusedUnits(in.petition(), in.directory()).contains(c.addressee()) ? accused(in.stage(), "addressee") : null;
    }

    static Rejection supervisionAwaitingFeedback(GuardInput in, ActivityCommand.RecordSupervisionFeedback f) {
        Stage stage = in.stage();
        Optional<CaseActivity.Supervision> sup = in.state().activity().supervision(f.supervision());
        if (sup.isEmpty()) return Rejection.invalid("supervision", "no supervision with this number on the case", "编号在本事项中不存在", stage);
        if (sup.get().feedbackOn() != null) {
            return Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, stage, "feedback on supervision " + f.supervision()
                    + " was already given", "该督办已反馈");
        }
        return f.givenOn().isBefore(sup.get().issuedOn())
                ? Rejection.invalid("givenOn", "must not be before the supervision was issued", "不得早于督办下发日期", stage) : null;
    }

    private static Rejection window(GuardInput in, ClockId clock, LocalDate start, LocalDate requestedOn) {
        CaseState s = in.state();
        if (start == null) {
            boolean review = clock == ClockId.REVIEW_REQUEST;
            return Rejection.of(Rejection.Code.WINDOW_NOT_OPEN, s.stage(),
                    review ? "the written reply was not served yet" : "the review opinion was not served yet",
                    review ? "书面答复尚未送达" : "复查意见尚未送达");
        }
        Optional<LocalDate> last = in.limits().lastDay(s.profile(), clock, s.petition().region(), start);
        return last.isPresent() && requestedOn.isAfter(last.get()) ? expired(s.stage(), last.get()) : null;
    }

    static Rejection clockDue(GuardInput in, SweepCommand c) {
        CaseState s = in.state();
        Petition petition = in.petition();
        Obligation.Source clock;
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
        Optional<Obligation> run = s.timing().obligations().of(clock);
        boolean recorded = run.map(r -> wanted == TimeLimits.ClockState.DUE_SOON ? r.warned() || r.breached() : r.breached()).orElse(true);
        if (!recorded && run.get().round() == round) {
            for (TimeLimits.ObligationStatus st : in.limits().obligations(s.timing().obligations(), s.profile(), petition.category(),
                    petition.region(), in.at())) {
                if (st.source().equals(clock) && st.round() == round && st.dueAt().equals(dueAt) && st.state() == wanted) return null;
            }
        }
        return Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, s.stage(), clock + " round " + round + " is not "
                + wanted.name().toLowerCase(java.util.Locale.ROOT) + " at " + dueAt + ", or that was already recorded",
                "该期限当前不处于所记录的状态，或已记录");
    }

    private static Rejection expired(Stage stage, LocalDate last) {
        return Rejection.of(Rejection.Code.WINDOW_EXPIRED, stage, "the last day was " + last, "期限最后一日为" + last);
    }

    static Rejection accused(Stage stage, String who) {
        return Rejection.of(Rejection.Code.ACCUSED_PARTY, stage, who + " is or belongs to an accused party", "涉及被反映对象");
    }

    /** Two actors are the same person: the same official (whatever unit they act for), or equal system actors. */
    static boolean sameActor(Actor a, Actor b) {
        if (a instanceof Actor.OfficialActor x && b instanceof Actor.OfficialActor y) return x.official().equals(y.official());
        return Objects.equals(a, b);
    }

    static Set<UnitId> accusedUnits(Petition petition, OrganisationDirectory directory) {
        Set<UnitId> units = new HashSet<>();
        for (Petition.AccusedParty p : petition.accused()) {
            if (p instanceof Petition.AccusedParty.AccusedUnit u) units.add(u.unit());
            if (p instanceof Petition.AccusedParty.AccusedOfficial o) directory.official(o.official()).ifPresent(off -> units.add(off.unit()));
        }
        return units;
    }

    /** Whether an actor is an accused official, or acts for or belongs to an accused unit or an accused official's unit. */
    static boolean actorIsAccused(Actor actor, Petition petition, OrganisationDirectory directory) {
        return actor instanceof Actor.OfficialActor a
                && (isAccused(a.official(), petition, directory) || accusedUnits(petition, directory).contains(a.unit()));
    }

    /** An official is accused, or belongs to an accused unit or to the unit of an accused official. */
    static boolean isAccused(OfficialId official, Petition petition, OrganisationDirectory directory) {
        for (Petition.AccusedParty p : petition.accused()) {
            if (p instanceof Petition.AccusedParty.AccusedOfficial o && o.official().equals(official)) return true;
        }
        Set<UnitId> units = accusedUnits(petition, directory);
        return directory.official(official).map(o -> units.contains(o.unit())).orElse(false);
    }
}
