package io.github.xinfang.cases;

import io.github.xinfang.time.ClockId;
import io.github.xinfang.directory.Official;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.text.TextRule;
import io.github.xinfang.time.TimeLimits;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Shape and directory checks of commands, and the parsing of form input into value records. Stateless
 * apart from its immutable collaborators; thread-safe. Every check names the field's path and never its value.
 */
final class CommandChecks {
    /** Facts dated before this day are out of range. */
    public static final LocalDate EARLIEST_FACT = LocalDate.of(1980, 1, 1);
    /** The most dated facts an imported case may bring. */
    public static final int MAX_IMPORTED_FACTS = 500;
    /** The longest extension a command may ask for before the profile's cap is even looked at. */
    public static final int MAX_EXTENSION_SHAPE = 365;
    /** The longest short text: a subject area, an organ, a batch name, an outside party. */
    static final int MAX_SHORT_TEXT = 200;
    /** The most steps a plan may have. */
    public static final int MAX_PLAN_STEPS = 100;
    /** The most task-force members or co-units an assignment may name. */
    public static final int MAX_ASSIGNEES = 100;
    private static final LocalDate LATEST_PLANNED = LocalDate.of(2199, 12, 31);
    private static final int MAX_PETITIONERS = PetitionForms.MAX_PETITIONERS;

    private final TimeLimits limits;
    private final OrganisationDirectory directory;

    /**
     * @param limits the time-limit rules (to know profiles)
     * @param directory the organisation directory
     */
    public CommandChecks(TimeLimits limits, OrganisationDirectory directory) {
        this.limits = limits;
        this.directory = directory;
    }

    /**
     * Checks every field of a command that can be checked without the case: presence, blanks, ranges,
     * formats, dates not in the future.
     *
     * @param command the command (may be null)
     * @param today the current date in the case's zone
     * @throws FieldProblem naming the first bad field
     */
    public void checkShape(CaseCommand command, LocalDate today) throws FieldProblem {
        if (command == null) throw new FieldProblem("command", "must not be null", "不得缺失");
        required(command.caseId(), "caseId");
        required(command.key(), "key");
        required(command.actor(), "actor");
        if (command instanceof ProcedureCommand.Register c) {
            required(c.petition(), "petition");
            PetitionForms.parse(c.petition(), today);
            if (c.profile() != null) profile(c.profile(), "profile");
        } else if (command instanceof ProcedureCommand.Route c) {
            required(c.unit(), "unit");
            date(c.receivedOn(), "receivedOn", today);
        } else if (command instanceof ProcedureCommand.RaiseObjection c) {
            text(c.reason(), "reason");
            date(c.objectedOn(), "objectedOn", today);
        } else if (command instanceof ProcedureCommand.TransferOut c) {
            shortText(c.organ(), "organ");
            date(c.transferredOn(), "transferredOn", today);
        } else if (command instanceof ProcedureCommand.Redirect c) {
            required(c.channel(), "channel");
            date(c.redirectedOn(), "redirectedOn", today);
        } else if (command instanceof ProcedureCommand.Decline c) {
            required(c.reason(), "reason");
            date(c.declinedOn(), "declinedOn", today);
        } else if (command instanceof ProcedureCommand.InformPetitioner c) {
            date(c.servedOn(), "servedOn", today);
        } else if (command instanceof ProcedureCommand.Accept c) {
            date(c.acceptedOn(), "acceptedOn", today);
        } else if (command instanceof ProcedureCommand.Extend c) {
            if (c.days() < 1 || c.days() > MAX_EXTENSION_SHAPE) {
                throw new FieldProblem("days", "must be between 1 and " + MAX_EXTENSION_SHAPE, "须在1到" + MAX_EXTENSION_SHAPE + "之间");
            }
            text(c.reason(), "reason");
            date(c.approvedOn(), "approvedOn", today);
            date(c.petitionerToldOn(), "petitionerToldOn", today);
        } else if (command instanceof ProcedureCommand.ProposeConclusion c) {
            text(c.replyText(), "replyText");
            date(c.proposedOn(), "proposedOn", today);
        } else if (command instanceof ProcedureCommand.ApproveConclusion c) {
            date(c.approvedOn(), "approvedOn", today);
        } else if (command instanceof ProcedureCommand.ReturnForRework c) {
            text(c.reason(), "reason");
        } else if (command instanceof ProcedureCommand.ServeReply c) {
            date(c.servedOn(), "servedOn", today);
        } else if (command instanceof ProcedureCommand.RequestReview c) {
            date(c.receivedOn(), "receivedOn", today);
        } else if (command instanceof ProcedureCommand.ConcludeReview c) {
            text(c.opinion(), "opinion");
            date(c.concludedOn(), "concludedOn", today);
        } else if (command instanceof ProcedureCommand.ServeReviewOpinion c) {
            date(c.servedOn(), "servedOn", today);
        } else if (command instanceof ProcedureCommand.RequestReReview c) {
            date(c.receivedOn(), "receivedOn", today);
        } else if (command instanceof ProcedureCommand.ConcludeReReview c) {
            text(c.opinion(), "opinion");
            date(c.concludedOn(), "concludedOn", today);
        } else if (command instanceof ProcedureCommand.Reopen c) {
            text(c.reason(), "reason");
            date(c.reopenedOn(), "reopenedOn", today);
        } else if (command instanceof ProcedureCommand.Withdraw c) {
            date(c.withdrawnOn(), "withdrawnOn", today);
        } else if (command instanceof ProcedureCommand.Import c) {
            required(c.petition(), "petition");
            Petition p = PetitionForms.parse(c.petition(), today);
            if (c.profile() != null) profile(c.profile(), "profile");
            required(c.stage(), "stage");
            if (c.stage() == Stage.MERGED) throw new FieldProblem("stage", "a merged case is not imported", "已并案的事项不导入");
            if (ROUTED_STAGES.contains(c.stage()) && c.handlingUnit() == null) {
                throw new FieldProblem("handlingUnit", "must be given for a case in stage " + c.stage(), "处于" + c.stage().chinese() + "阶段的事项必须填写");
            }
            PetitionForms.importedFacts(c.facts(), p.receivedOn(), today);
        } else if (command instanceof ProcedureCommand.RecordContact c) {
            required(c.kind(), "kind");
            date(c.contactedOn(), "contactedOn", today);
        } else if (command instanceof ProcedureCommand.GiveStageReply c) {
            text(c.text(), "text");
            date(c.repliedOn(), "repliedOn", today);
        } else if (command instanceof ProcedureCommand.OpenHearing c) {
            date(c.openedOn(), "openedOn", today);
        } else if (command instanceof ProcedureCommand.CloseHearing c) {
            date(c.closedOn(), "closedOn", today);
        } else if (command instanceof ProcedureCommand.CorrectPetition c) {
            required(c.petition(), "petition");
            PetitionForms.parse(c.petition(), today);
            text(c.reason(), "reason");
        } else if (command instanceof ProcedureCommand.ChangeProfile c) {
            profile(c.profile(), "profile");
            text(c.reason(), "reason");
        } else if (command instanceof ProcedureCommand.Terminate c) {
            text(c.legalBasis(), "legalBasis");
            date(c.terminatedOn(), "terminatedOn", today);
        } else if (command instanceof SweepCommand.RecordWarning c) {
            sweep(c.clock(), c.round(), c.dueAt());
        } else if (command instanceof SweepCommand.RecordBreach c) {
            sweep(c.clock(), c.round(), c.dueAt());
        } else if (command instanceof SweepCommand.RecordLapse c) {
            sweep(c.clock(), c.round(), c.dueAt());
        } else if (command instanceof ResolutionCommand.DesignateBacklog c) {
            required(c.source(), "source");
            date(c.designatedOn(), "designatedOn", today);
        } else if (command instanceof ResolutionCommand.EnrolInBatch c) {
            required(c.batch(), "batch");
            required(c.level(), "level");
            shortText(c.batchName(), "batchName");
            plannedDate(c.targetDate(), "targetDate");
            date(c.enrolledOn(), "enrolledOn", today);
        } else if (command instanceof ResolutionCommand.FlagHardCase c) {
            text(c.reason(), "reason");
            date(c.flaggedOn(), "flaggedOn", today);
        } else if (command instanceof ResolutionCommand.AssignPackageLeader c) {
            assignment(c.leader(), c.leadUnit(), c.taskForce(), c.coUnits());
            date(c.assignedOn(), "assignedOn", today);
        } else if (command instanceof ResolutionCommand.ReplacePackageLeader c) {
            assignment(c.leader(), c.leadUnit(), c.taskForce(), c.coUnits());
            required(c.reason(), "reason");
            date(c.replacedOn(), "replacedOn", today);
        } else if (command instanceof ResolutionCommand.RecordPlan c) {
            required(c.steps(), "steps");
            if (c.steps().isEmpty()) throw new FieldProblem("steps", "must not be empty", "不得为空");
            if (c.steps().size() > MAX_PLAN_STEPS) throw new FieldProblem("steps", "must hold at most " + MAX_PLAN_STEPS, "最多" + MAX_PLAN_STEPS + "项");
            for (int i = 0; i < c.steps().size(); i++) {
                PlanStepForm st = c.steps().get(i);
                if (st == null) throw new FieldProblem("steps[" + i + "]", "must not be null", "不得缺失");
                text(st.description(), "steps[" + i + "].description");
                plannedDate(st.dueOn(), "steps[" + i + "].dueOn");
            }
            date(c.recordedOn(), "recordedOn", today);
        } else if (command instanceof ResolutionCommand.MarkPlanStepDone c) {
            if (c.step() < 1 || c.step() > MAX_PLAN_STEPS) throw new FieldProblem("step", "must be between 1 and " + MAX_PLAN_STEPS, "须在1到" + MAX_PLAN_STEPS + "之间");
            date(c.doneOn(), "doneOn", today);
        } else if (command instanceof ResolutionCommand.ClaimResolution c) {
            required(c.kind(), "kind");
            text(c.evidence(), "evidence");
            date(c.claimedOn(), "claimedOn", today);
        } else if (command instanceof ResolutionCommand.ApproveResolution c) {
            date(c.approvedOn(), "approvedOn", today);
        } else if (command instanceof ResolutionCommand.RejectResolution c) {
            text(c.reason(), "reason");
            date(c.rejectedOn(), "rejectedOn", today);
        } else if (command instanceof ResolutionCommand.ReportRebound c) {
            text(c.reason(), "reason");
            date(c.reportedOn(), "reportedOn", today);
        } else if (command instanceof ActivityCommand.Merge c) {
            required(c.into(), "into");
            text(c.reason(), "reason");
            date(c.mergedOn(), "mergedOn", today);
        } else if (command instanceof ActivityCommand.RecordMergedCase c) {
            required(c.merged(), "merged");
            date(c.mergedOn(), "mergedOn", today);
        } else if (command instanceof ActivityCommand.RecordRepeatPetition c) {
            date(c.receivedOn(), "receivedOn", today);
            required(c.channel(), "channel");
            if (c.headcount() < 1 || c.headcount() > MAX_PETITIONERS) {
                throw new FieldProblem("headcount", "must be between 1 and " + MAX_PETITIONERS, "须在1到" + MAX_PETITIONERS + "之间");
            }
            required(c.skippedLevel(), "skippedLevel");
        } else if (command instanceof ActivityCommand.RecordFollowUpVisit c) {
            required(c.satisfaction(), "satisfaction");
            date(c.visitedOn(), "visitedOn", today);
        } else if (command instanceof ActivityCommand.IssueSupervision c) {
            required(c.kind(), "kind");
            required(c.addressee(), "addressee");
            date(c.issuedOn(), "issuedOn", today);
            plannedDate(c.feedbackDueOn(), "feedbackDueOn");
            if (c.feedbackDueOn().isBefore(c.issuedOn())) throw new FieldProblem("feedbackDueOn", "must not be before issuedOn", "不得早于督办下发日期");
        } else if (command instanceof ActivityCommand.RecordSupervisionFeedback c) {
            if (c.supervision() < 1) throw new FieldProblem("supervision", "must be at least 1", "须至少为1");
            text(c.feedback(), "feedback");
            date(c.givenOn(), "givenOn", today);
        } else if (command instanceof SweepCommand.RecordDutyWarning c) {
            required(c.duty(), "duty");
            required(c.dueAt(), "dueAt");
        } else if (command instanceof SweepCommand.RecordDutyBreach c) {
            required(c.duty(), "duty");
            required(c.dueAt(), "dueAt");
        } else if (command instanceof ResolutionCommand.ReassessEscalation) {
            // nothing beyond case, key and actor
        } else {
            throw new AssertionError("unhandled command type " + command.getClass().getName());
        }
    }

    /**
     * Checks that every unit and official a command names exists, and that an official actor acts for
     * the official's own unit. Call after {@link #checkShape}.
     *
     * @param command a command whose shape was checked
     * @throws FieldProblem naming the first unknown reference
     */
    public void checkDirectory(CaseCommand command) throws FieldProblem {
        if (command.actor() instanceof Actor.OfficialActor a) {
            Optional<Official> official = directory.official(a.official());
            if (official.isEmpty()) throw new FieldProblem("actor.official", "unknown official", "工作人员不存在");
            if (!official.get().unit().equals(a.unit())) throw new FieldProblem("actor.unit", "is not the official's unit", "不是该工作人员所在单位");
        }
        if (command instanceof ProcedureCommand.Route c) {
            unit(c.unit(), "unit");
        } else if (command instanceof ProcedureCommand.Import c) {
            if (c.handlingUnit() != null) unit(c.handlingUnit(), "handlingUnit");
            accusedInDirectory(c.petition());
        } else if (command instanceof ProcedureCommand.CorrectPetition c) {
            accusedInDirectory(c.petition());
        } else if (command instanceof ProcedureCommand.Register c) {
            accusedInDirectory(c.petition());
        } else if (command instanceof ResolutionCommand.AssignPackageLeader c) {
            assigneesInDirectory(c.leader(), c.leadUnit(), c.taskForce(), c.coUnits());
        } else if (command instanceof ResolutionCommand.ReplacePackageLeader c) {
            assigneesInDirectory(c.leader(), c.leadUnit(), c.taskForce(), c.coUnits());
        } else if (command instanceof ActivityCommand.IssueSupervision c) {
            unit(c.addressee(), "addressee");
        }
    }

    private void assigneesInDirectory(OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits)
            throws FieldProblem {
        if (directory.official(leader).isEmpty()) throw new FieldProblem("leader", "unknown official", "工作人员不存在");
        unit(leadUnit, "leadUnit");
        for (int i = 0; i < taskForce.size(); i++) {
            if (directory.official(taskForce.get(i)).isEmpty()) throw new FieldProblem("taskForce[" + i + "]", "unknown official", "工作人员不存在");
        }
        for (int i = 0; i < coUnits.size(); i++) unit(coUnits.get(i), "coUnits[" + i + "]");
    }

    private static void assignment(OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits)
            throws FieldProblem {
        required(leader, "leader");
        required(leadUnit, "leadUnit");
        required(taskForce, "taskForce");
        if (taskForce.isEmpty()) throw new FieldProblem("taskForce", "must name at least one official", "须至少有一名工作人员");
        if (taskForce.size() > MAX_ASSIGNEES) throw new FieldProblem("taskForce", "must hold at most " + MAX_ASSIGNEES, "最多" + MAX_ASSIGNEES + "项");
        for (int i = 0; i < taskForce.size(); i++) required(taskForce.get(i), "taskForce[" + i + "]");
        required(coUnits, "coUnits");
        if (coUnits.size() > MAX_ASSIGNEES) throw new FieldProblem("coUnits", "must hold at most " + MAX_ASSIGNEES, "最多" + MAX_ASSIGNEES + "项");
        for (int i = 0; i < coUnits.size(); i++) {
            required(coUnits.get(i), "coUnits[" + i + "]");
            if (coUnits.get(i).equals(leadUnit)) throw new FieldProblem("coUnits[" + i + "]", "is the lead unit", "与牵头单位相同");
        }
    }

    /** A planned date (due, target): may lie in the future, not before the earliest fact. */
    private static void plannedDate(LocalDate d, String field) throws FieldProblem {
        if (d == null) throw new FieldProblem(field, "must not be null", "不得缺失");
        if (d.isBefore(EARLIEST_FACT)) throw new FieldProblem(field, "must not be before " + EARLIEST_FACT, "不得早于" + EARLIEST_FACT);
        if (d.isAfter(LATEST_PLANNED)) throw new FieldProblem(field, "must not be after " + LATEST_PLANNED, "不得晚于" + LATEST_PLANNED);
    }

    private void accusedInDirectory(PetitionForm form) throws FieldProblem {
        if (form.accused() != null) {
            List<AccusedPartyForm> accused = form.accused();
            for (int i = 0; i < accused.size(); i++) {
                AccusedPartyForm a = accused.get(i);
                if (a.unit() != null) unit(a.unit(), "petition.accused[" + i + "].unit");
                if (a.official() != null && directory.official(a.official()).isEmpty()) {
                    throw new FieldProblem("petition.accused[" + i + "].official", "unknown official", "工作人员不存在");
                }
            }
        }
    }

    private static void sweep(ClockId clock, int round, java.time.Instant dueAt) throws FieldProblem {
        required(clock, "clock");
        if (round < 1) throw new FieldProblem("round", "must be at least 1", "须至少为1");
        required(dueAt, "dueAt");
    }

    /** Stages a case reaches only after routing: an imported case in one of them names its handling unit. */
    private static final Set<Stage> ROUTED_STAGES = EnumSet.of(Stage.ROUTED, Stage.IN_HANDLING, Stage.PENDING_APPROVAL,
            Stage.CONCLUDED, Stage.UNDER_REVIEW, Stage.REVIEWED, Stage.UNDER_RE_REVIEW, Stage.FINAL);

    private void unit(UnitId id, String field) throws FieldProblem {
        if (directory.unit(id).isEmpty()) throw new FieldProblem(field, "unknown unit", "单位不存在");
    }

    /**
     * Parses free text under {@link TextRule#TEXT}.
     *
     * @param s the text
     * @param field the field's path
     * @return the text as a value
     * @throws FieldProblem if it is null or breaks the rule (blank, too long, a control character but tab, CR, LF)
     */
    public static FreeText freeText(String s, String field) throws FieldProblem {
        return new FreeText(checked(TextRule.TEXT, s, field, FreeText.MAX_LENGTH));
    }

    private static void text(String s, String field) throws FieldProblem {
        checked(TextRule.TEXT, s, field, FreeText.MAX_LENGTH);
    }

    static void shortText(String s, String field) throws FieldProblem {
        line(s, field, MAX_SHORT_TEXT);
    }

    static String line(String s, String field, int max) throws FieldProblem {
        return checked(TextRule.LINE, s, field, max);
    }

    /** A profile id: an id under the text rule that names a known profile. */
    private void profile(String s, String field) throws FieldProblem {
        checked(TextRule.ID, s, field, 64);
        if (!limits.knowsProfile(s)) throw new FieldProblem(field, "unknown profile", "时限方案不存在");
    }

    /**
     * Checks a string under a kind of the text rule.
     *
     * @param rule the kind of string
     * @param s the string
     * @param field the field's path
     * @param max the most code points
     * @return s
     * @throws FieldProblem if s is null or breaks the rule, in English and Chinese
     */
    public static String checked(TextRule rule, String s, String field, int max) throws FieldProblem {
        if (s == null) throw new FieldProblem(field, "must not be null", "不得缺失");
        java.util.Optional<TextRule.Problem> problem = rule.check(s, max);
        if (problem.isPresent()) throw new FieldProblem(field, problem.get().english(), problem.get().chinese());
        return s;
    }

    static void required(Object o, String field) throws FieldProblem {
        if (o == null) throw new FieldProblem(field, "must not be null", "不得缺失");
    }

    static void date(LocalDate d, String field, LocalDate today) throws FieldProblem {
        if (d == null) throw new FieldProblem(field, "must not be null", "不得缺失");
        if (d.isAfter(today)) throw new FieldProblem(field, "must not be in the future", "不得晚于今天");
        if (d.isBefore(EARLIEST_FACT)) throw new FieldProblem(field, "must not be before " + EARLIEST_FACT, "不得早于" + EARLIEST_FACT);
    }
}
