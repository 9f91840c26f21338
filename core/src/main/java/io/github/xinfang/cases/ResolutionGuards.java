package io.github.xinfang.cases;

import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resolution table's guards at work: for each guard constant of {@link ResolutionTable}, the check a row runs after
 * the table allowed its command, answering with one of the guard's codes or null. Stateless.
 */
final class ResolutionGuards {
    private ResolutionGuards() {}

    static Rejection factNotBeforeEarlierFacts(GuardInput in, CaseCommand c) {
        Resolution r = in.resolution();
        for (LocalDate d : in.row().factDates(c)) {
            if (r != null && d.isBefore(r.lastOn())) {
                return Rejection.invalid(in.row().factField(), "must not be before the resolution track's earlier facts",
                        "不得早于化解工作此前的事实日期", in.stage());
            }
        }
        return null;
    }

    static Rejection notYetInBatch(GuardInput in, ResolutionCommand.EnrolInBatch e) {
        Resolution r = in.resolution();
        return r != null && r.isIn(e.batch())
                ? Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, in.stage(), "the case is already in batch " + e.batch()
                + " (track " + r.track() + ")", "已纳入该批次（化解状态：" + r.track().chinese() + "）") : null;
    }

    static Rejection notYetHardCase(GuardInput in, ResolutionCommand.FlagHardCase c) {
        Resolution r = in.resolution();
        return r.hardCase() ? Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, in.stage(),
                "the case is already flagged a hard case (track " + r.track() + ")",
                "已标记为钉子案（化解状态：" + r.track().chinese() + "）") : null;
    }

    /** The assignment of a package leader or of a replacement: who and which units it names. */
    private record Assignees(OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits) {
        static Assignees of(ResolutionCommand c) {
            if (c instanceof ResolutionCommand.AssignPackageLeader a) return new Assignees(a.leader(), a.leadUnit(), a.taskForce(), a.coUnits());
            if (c instanceof ResolutionCommand.ReplacePackageLeader a) return new Assignees(a.leader(), a.leadUnit(), a.taskForce(), a.coUnits());
            throw new AssertionError("no assignees in " + c.getClass().getSimpleName());
        }
    }

    static Rejection assigneesNotAccused(GuardInput in, ResolutionCommand c) {
        Assignees a = Assignees.of(c);
        Petition petition = in.petition();
        Set<UnitId> units = ProcedureGuards.accusedUnits(petition, in.directory());
        if (ProcedureGuards.isAccused(a.leader(), petition, in.directory())) return ProcedureGuards.accused(in.stage(), "leader");
        if (units.contains(a.leadUnit())) return ProcedureGuards.accused(in.stage(), "leadUnit");
        for (int i = 0; i < a.taskForce().size(); i++) {
            if (ProcedureGuards.isAccused(a.taskForce().get(i), petition, in.directory())) return ProcedureGuards.accused(in.stage(), "taskForce[" + i + "]");
        }
        for (int i = 0; i < a.coUnits().size(); i++) {
            if (units.contains(a.coUnits().get(i))) return ProcedureGuards.accused(in.stage(), "coUnits[" + i + "]");
        }
        return null;
    }

    static Rejection leaderRankSufficient(GuardInput in, ResolutionCommand c) {
        Stage stage = in.stage();
        Resolution r = in.resolution();
        RankLadder ladder = in.ladder();
        OrganisationDirectory.Official o = in.directory().official(Assignees.of(c).leader())
                .orElseThrow(() -> new AssertionError("checked by the directory check"));
        if (!ladder.knows(o.rank())) {
            return Rejection.invalid("leader", "the official's rank is not on the portal's rank ladder", "的职级不在本平台的职级序列中", stage);
        }
        RankLadder.RequiredRank req = r.requiredRank();
        if (ladder.meets(o.rank(), o.principal(), req)) return null;
        String need = req.rank() + (req.principal() ? " (principal leader)" : "");
        String needZh = req.rank() + (req.principal() ? "（主要领导）" : "");
        return Rejection.of(Rejection.Code.RANK_TOO_LOW, stage,
                "required " + need + ", the leader holds " + o.rank() + (o.principal() ? " (principal leader)" : "")
                        + " (track " + r.track() + ")",
                "须" + needZh + "，该领导为" + o.rank() + (o.principal() ? "（主要领导）" : "") + "（化解状态：" + r.track().chinese() + "）");
    }

    static Rejection planStepOpen(GuardInput in, ResolutionCommand.MarkPlanStepDone c) {
        Stage stage = in.stage();
        Resolution r = in.resolution();
        int step = c.step();
        if (r.currentPlan().isEmpty()) {
            return Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, stage, "no plan was recorded (track " + r.track() + ")",
                    "尚无化解方案（化解状态：" + r.track().chinese() + "）");
        }
        Resolution.Plan plan = r.currentPlan().get();
        if (step > plan.steps().size()) {
            return Rejection.invalid("step", "the plan in force has " + plan.steps().size() + " steps",
                    "超出现行方案的" + plan.steps().size() + "个步骤", stage);
        }
        return plan.steps().get(step - 1).doneOn() != null
                ? Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, stage, "step " + step + " is already done (track " + r.track() + ")",
                "该步骤已完成（化解状态：" + r.track().chinese() + "）") : null;
    }

    static Rejection approverNotClaimant(GuardInput in, ResolutionCommand.ApproveResolution c) {
        Resolution r = in.resolution();
        return ProcedureGuards.sameActor(c.actor(), r.claimant()) ? Rejection.of(Rejection.Code.SAME_ACTOR, in.stage(),
                "the approver of a resolution must not be its claimant (track " + r.track() + ")",
                "审核人不得为申请化解人（化解状态：" + r.track().chinese() + "）") : null;
    }

    static Rejection approverAuthorised(GuardInput in, ResolutionCommand.ApproveResolution c) {
        Resolution r = in.resolution();
        Resolution.IssuingLevel highest = null;
        for (Resolution.Batch b : r.batches()) if (highest == null || b.level().isAtLeast(highest)) highest = b.level();
        Optional<Resolution.IssuingLevel> level = Optional.ofNullable(highest);
        boolean may = c.actor() instanceof Actor.OfficialActor a
                && in.directory().unit(a.unit()).map(u -> in.approval().mayApprove(u, level)).orElse(false);
        if (may) return null;
        String levelEn = highest == null ? "the petition office" : "the petition office or a unit of level " + highest + " or above";
        String levelZh = highest == null ? "信访部门" : "信访部门或" + highest.chinese() + "及以上单位";
        return Rejection.of(Rejection.Code.NOT_AUTHORISED, in.stage(), "the approver must be of " + levelEn + " (track " + r.track() + ")",
                "审核人须为" + levelZh + "人员（化解状态：" + r.track().chinese() + "）");
    }

    static Rejection sweepOnly(GuardInput in, ResolutionCommand.ReassessEscalation c) {
        Resolution r = in.resolution();
        return c.actor() instanceof Actor.SystemActor ? null
                : Rejection.of(Rejection.Code.NOT_AUTHORISED, in.stage(), "only the deadline sweep asks for this (track " + r.track() + ")",
                "仅由期限巡检发起（化解状态：" + r.track().chinese() + "）");
    }

    static Rejection rankRises(GuardInput in, ResolutionCommand.ReassessEscalation c) {
        Resolution r = in.resolution();
        return in.rankRises().getAsBoolean() ? null : Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, in.stage(),
                "no escalation rule newly fires (track " + r.track() + ")",
                "无新触发的提级包案规则（化解状态：" + r.track().chinese() + "）");
    }
}
