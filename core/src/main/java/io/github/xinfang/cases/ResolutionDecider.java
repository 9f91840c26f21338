package io.github.xinfang.cases;

import io.github.xinfang.directory.Official;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The decide function of the resolution track's commands: table lookup, guards, events. Called by
 * {@link CaseDecider} after the shape and directory checks, for a case that exists. Immutable and thread-safe.
 */
final class ResolutionDecider {
    private final OrganisationDirectory directory;
    private final RankLadder ladder;
    private final ApprovalRule approval;

    ResolutionDecider(OrganisationDirectory directory, RankLadder ladder, ApprovalRule approval) {
        this.directory = directory;
        this.ladder = ladder;
        this.approval = approval;
    }

    /** The event a resolution command's row emits, once its guards passed. */
    CaseEvent event(CaseState s, CaseCommand c, ResolutionTable.Row row, Instant at) {
        EventId id = new EventId(s.caseId(), s.lastSequence() + 1);
        return row.emit(new Emission(id, c.actor(), at, s, s.petition(), null, null), c);
    }

    /**
     * The table lookup and the row's guards.
     *
     * @param rankRises whether an escalation rule newly fires on the case as it stands (for {@code RANK_RISES})
     * @return the rejection, or null when the command may proceed
     */
    Rejection check(CaseState s, CaseCommand c, ResolutionTable.Row row, BooleanSupplier rankRises) {
        Resolution r = s.resolution();
        TrackState track = r == null ? null : r.track();
        if (!row.stages().contains(s.stage()) || !row.startsFrom(track)) {
            String trackEn = track == null ? "not on the resolution track" : "track " + track;
            String trackZh = track == null ? "未列为积案" : "化解状态：" + track.chinese();
            return Rejection.of(RejectionCode.ILLEGAL_TRANSITION, s.stage(),
                    c.getClass().getSimpleName() + " from " + s.stage() + ", " + trackEn,
                    row.chinese() + "，当前阶段：" + s.stage().chinese() + "，" + trackZh);
        }
        for (ResolutionTable.Guard g : row.guards()) {
            Rejection rejection = check(g, row, s, c, rankRises);
            assert rejection == null || g.codes().contains(rejection.code())
                    : g + " answered " + rejection.code() + ", not one of " + g.codes();
            if (rejection != null) return rejection;
        }
        return null;
    }

    private Rejection check(ResolutionTable.Guard g, ResolutionTable.Row row, CaseState s, CaseCommand c,
                            BooleanSupplier rankRises) {
        Stage stage = s.stage();
        Resolution r = s.resolution();
        switch (g) {
            case ACTOR_NOT_ACCUSED:
                return c.actor() instanceof Actor.OfficialActor a && isAccused(a.official(), s.petition())
                        || c.actor() instanceof Actor.OfficialActor b && accusedUnits(s).contains(b.unit())
                        ? accused(stage, "actor") : null;
            case FACT_NOT_BEFORE_EARLIER_FACTS:
                for (LocalDate d : row.factDates(c)) {
                    if (r != null && d.isBefore(r.lastOn())) {
                        return Rejection.invalid(row.factField(), "must not be before the resolution track's earlier facts",
                                "不得早于化解工作此前的事实日期", stage);
                    }
                }
                return null;
            case NOT_YET_IN_BATCH: {
                ResolutionCommand.EnrolInBatch e = (ResolutionCommand.EnrolInBatch) c;
                return r != null && r.isIn(e.batch())
                        ? Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "the case is already in batch " + e.batch()
                        + " (track " + r.track() + ")", "已纳入该批次（化解状态：" + r.track().chinese() + "）") : null;
            }
            case NOT_YET_HARD_CASE:
                return r.hardCase() ? Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage,
                        "the case is already flagged a hard case (track " + r.track() + ")",
                        "已标记为钉子案（化解状态：" + r.track().chinese() + "）") : null;
            case ASSIGNEES_NOT_ACCUSED:
                return assigneesAccused(s, c);
            case LEADER_RANK_SUFFICIENT: {
                OfficialId leader = c instanceof ResolutionCommand.AssignPackageLeader a ? a.leader()
                        : ((ResolutionCommand.ReplacePackageLeader) c).leader();
                Official o = directory.official(leader).orElseThrow(() -> new AssertionError("checked by the directory check"));
                if (!ladder.knows(o.rank())) return Rejection.invalid("leader", "the official's rank is not on the portal's rank ladder", "的职级不在本平台的职级序列中", stage);
                RequiredRank req = r.requiredRank();
                if (ladder.meets(o.rank(), o.principal(), req)) return null;
                String need = req.rank() + (req.principal() ? " (principal leader)" : "");
                String needZh = req.rank() + (req.principal() ? "（主要领导）" : "");
                return Rejection.of(RejectionCode.RANK_TOO_LOW, stage,
                        "required " + need + ", the leader holds " + o.rank() + (o.principal() ? " (principal leader)" : "")
                                + " (track " + r.track() + ")",
                        "须" + needZh + "，该领导为" + o.rank() + (o.principal() ? "（主要领导）" : "") + "（化解状态：" + r.track().chinese() + "）");
            }
            case PLAN_STEP_OPEN: {
                int step = ((ResolutionCommand.MarkPlanStepDone) c).step();
                if (r.currentPlan().isEmpty()) {
                    return Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "no plan was recorded (track " + r.track() + ")",
                            "尚无化解方案（化解状态：" + r.track().chinese() + "）");
                }
                Resolution.Plan plan = r.currentPlan().get();
                if (step > plan.steps().size()) {
                    return Rejection.invalid("step", "the plan in force has " + plan.steps().size() + " steps",
                            "超出现行方案的" + plan.steps().size() + "个步骤", stage);
                }
                return plan.steps().get(step - 1).doneOn() != null
                        ? Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage, "step " + step + " is already done (track " + r.track() + ")",
                        "该步骤已完成（化解状态：" + r.track().chinese() + "）") : null;
            }
            case APPROVER_NOT_CLAIMANT:
                return ProcedureGuards.sameActor(c.actor(), r.claimant()) ? Rejection.of(RejectionCode.SAME_ACTOR, stage,
                        "the approver of a resolution must not be its claimant (track " + r.track() + ")",
                        "审核人不得为申请化解人（化解状态：" + r.track().chinese() + "）") : null;
            case SWEEP_ONLY:
                return c.actor() instanceof Actor.SystemActor ? null
                        : Rejection.of(RejectionCode.NOT_AUTHORISED, stage, "only the deadline sweep asks for this (track " + r.track() + ")",
                        "仅由期限巡检发起（化解状态：" + r.track().chinese() + "）");
            case RANK_RISES:
                return rankRises.getAsBoolean() ? null : Rejection.of(RejectionCode.ILLEGAL_TRANSITION, stage,
                        "no escalation rule newly fires (track " + r.track() + ")",
                        "无新触发的提级包案规则（化解状态：" + r.track().chinese() + "）");
            case APPROVER_AUTHORISED: {
                IssuingLevel highest = maxLevel(r);
                boolean may = c.actor() instanceof Actor.OfficialActor a
                        && directory.unit(a.unit()).map(u -> approval.mayApprove(u, java.util.Optional.ofNullable(highest))).orElse(false);
                if (may) return null;
                String levelEn = highest == null ? "the petition office" : "the petition office or a unit of level " + highest + " or above";
                String levelZh = highest == null ? "信访部门" : "信访部门或" + highest.chinese() + "及以上单位";
                return Rejection.of(RejectionCode.NOT_AUTHORISED, stage, "the approver must be of " + levelEn + " (track " + r.track() + ")",
                        "审核人须为" + levelZh + "人员（化解状态：" + r.track().chinese() + "）");
            }
            default:
                throw new AssertionError("unhandled guard " + g);
        }
    }

    private static IssuingLevel maxLevel(Resolution r) {
        IssuingLevel highest = null;
        for (Resolution.Batch b : r.batches()) if (highest == null || b.level().isAtLeast(highest)) highest = b.level();
        return highest;
    }

    private Rejection assigneesAccused(CaseState s, CaseCommand c) {
        OfficialId leader;
        UnitId leadUnit;
        List<OfficialId> taskForce;
        List<UnitId> coUnits;
        if (c instanceof ResolutionCommand.AssignPackageLeader a) {
            leader = a.leader(); leadUnit = a.leadUnit(); taskForce = a.taskForce(); coUnits = a.coUnits();
        } else {
            ResolutionCommand.ReplacePackageLeader a = (ResolutionCommand.ReplacePackageLeader) c;
            leader = a.leader(); leadUnit = a.leadUnit(); taskForce = a.taskForce(); coUnits = a.coUnits();
        }
        Set<UnitId> units = accusedUnits(s);
        if (isAccused(leader, s.petition())) return accused(s.stage(), "leader");
        if (units.contains(leadUnit)) return accused(s.stage(), "leadUnit");
        for (int i = 0; i < taskForce.size(); i++) {
            if (isAccused(taskForce.get(i), s.petition())) return accused(s.stage(), "taskForce[" + i + "]");
        }
        for (int i = 0; i < coUnits.size(); i++) {
            if (units.contains(coUnits.get(i))) return accused(s.stage(), "coUnits[" + i + "]");
        }
        return null;
    }

    private Set<UnitId> accusedUnits(CaseState s) {
        return ProcedureGuards.accusedUnits(s.petition(), directory);
    }

    /** An official is accused, or belongs to an accused unit or to the unit of an accused official. */
    private boolean isAccused(OfficialId official, Petition petition) {
        for (AccusedParty p : petition.accused()) {
            if (p instanceof AccusedParty.AccusedOfficial o && o.official().equals(official)) return true;
        }
        Set<UnitId> units = ProcedureGuards.accusedUnits(petition, directory);
        return directory.official(official).map(o -> units.contains(o.unit())).orElse(false);
    }

    private static Rejection accused(Stage stage, String who) {
        return Rejection.of(RejectionCode.ACCUSED_PARTY, stage, who + " is or belongs to an accused party", "涉及被反映对象");
    }
}
