package io.github.xinfang.internal.validation;

import io.github.xinfang.cases.AccusedParty;
import io.github.xinfang.cases.AccusedPartyForm;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.Petition;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Petitioner;
import io.github.xinfang.cases.PetitionerForm;
import io.github.xinfang.cases.PlanStepForm;
import io.github.xinfang.cases.ImportedFact;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.time.ClockId;
import io.github.xinfang.time.Fact;
import io.github.xinfang.directory.Official;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.FreeText;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.time.TimeLimits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Shape and directory checks of commands, and the parsing of form input into value records. Stateless
 * apart from its immutable collaborators; thread-safe. Every check names the field's path and never its value.
 */
public final class CommandChecks {
    /** Facts dated before this day are out of range. */
    public static final LocalDate EARLIEST_FACT = LocalDate.of(1980, 1, 1);
    /** The most dated facts an imported case may bring. */
    public static final int MAX_IMPORTED_FACTS = 500;
    /** The longest extension a command may ask for before the profile's cap is even looked at. */
    public static final int MAX_EXTENSION_SHAPE = 365;
    /** A group visit sends at most five representatives (Art. 20). */
    public static final int MAX_VISIT_REPRESENTATIVES = 5;
    private static final int MAX_SHORT_TEXT = 200;
    /** The most steps a plan may have. */
    public static final int MAX_PLAN_STEPS = 100;
    /** The most task-force members or co-units an assignment may name. */
    public static final int MAX_ASSIGNEES = 100;
    private static final LocalDate LATEST_PLANNED = LocalDate.of(2199, 12, 31);
    private static final int MAX_PETITIONERS = 1_000;
    private static final int MAX_ACCUSED = 100;

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
        if (command == null) throw new FieldProblem("command", "must not be null");
        required(command.caseId(), "caseId");
        required(command.key(), "key");
        required(command.actor(), "actor");
        if (command instanceof CaseCommand.Register c) {
            required(c.petition(), "petition");
            parsePetition(c.petition(), today);
            if (c.profile() != null && !limits.knowsProfile(c.profile())) throw new FieldProblem("profile", "unknown profile");
        } else if (command instanceof CaseCommand.Route c) {
            required(c.unit(), "unit");
            date(c.receivedOn(), "receivedOn", today);
        } else if (command instanceof CaseCommand.RaiseObjection c) {
            text(c.reason(), "reason");
            date(c.objectedOn(), "objectedOn", today);
        } else if (command instanceof CaseCommand.TransferOut c) {
            shortText(c.organ(), "organ");
            date(c.transferredOn(), "transferredOn", today);
        } else if (command instanceof CaseCommand.Redirect c) {
            required(c.channel(), "channel");
            date(c.redirectedOn(), "redirectedOn", today);
        } else if (command instanceof CaseCommand.Decline c) {
            required(c.reason(), "reason");
            date(c.declinedOn(), "declinedOn", today);
        } else if (command instanceof CaseCommand.InformPetitioner c) {
            date(c.servedOn(), "servedOn", today);
        } else if (command instanceof CaseCommand.Accept c) {
            date(c.acceptedOn(), "acceptedOn", today);
        } else if (command instanceof CaseCommand.Extend c) {
            if (c.days() < 1 || c.days() > MAX_EXTENSION_SHAPE) {
                throw new FieldProblem("days", "must be between 1 and " + MAX_EXTENSION_SHAPE);
            }
            text(c.reason(), "reason");
            date(c.approvedOn(), "approvedOn", today);
            date(c.petitionerToldOn(), "petitionerToldOn", today);
        } else if (command instanceof CaseCommand.ProposeConclusion c) {
            text(c.replyText(), "replyText");
            date(c.proposedOn(), "proposedOn", today);
        } else if (command instanceof CaseCommand.ApproveConclusion c) {
            date(c.approvedOn(), "approvedOn", today);
        } else if (command instanceof CaseCommand.ReturnForRework c) {
            text(c.reason(), "reason");
        } else if (command instanceof CaseCommand.ServeReply c) {
            date(c.servedOn(), "servedOn", today);
        } else if (command instanceof CaseCommand.RequestReview c) {
            date(c.receivedOn(), "receivedOn", today);
        } else if (command instanceof CaseCommand.ConcludeReview c) {
            text(c.opinion(), "opinion");
            date(c.concludedOn(), "concludedOn", today);
        } else if (command instanceof CaseCommand.ServeReviewOpinion c) {
            date(c.servedOn(), "servedOn", today);
        } else if (command instanceof CaseCommand.RequestReReview c) {
            date(c.receivedOn(), "receivedOn", today);
        } else if (command instanceof CaseCommand.ConcludeReReview c) {
            text(c.opinion(), "opinion");
            date(c.concludedOn(), "concludedOn", today);
        } else if (command instanceof CaseCommand.Reopen c) {
            text(c.reason(), "reason");
            date(c.reopenedOn(), "reopenedOn", today);
        } else if (command instanceof CaseCommand.Withdraw c) {
            date(c.withdrawnOn(), "withdrawnOn", today);
        } else if (command instanceof CaseCommand.Import c) {
            required(c.petition(), "petition");
            Petition p = parsePetition(c.petition(), today);
            if (c.profile() != null && !limits.knowsProfile(c.profile())) throw new FieldProblem("profile", "unknown profile");
            required(c.stage(), "stage");
            if (c.stage() == Stage.MERGED) throw new FieldProblem("stage", "a merged case is not imported");
            if (ROUTED_STAGES.contains(c.stage()) && c.handlingUnit() == null) {
                throw new FieldProblem("handlingUnit", "must be given for a case in stage " + c.stage());
            }
            importedFacts(c.facts(), p.receivedOn(), today);
        } else if (command instanceof CaseCommand.RecordContact c) {
            required(c.kind(), "kind");
            date(c.contactedOn(), "contactedOn", today);
        } else if (command instanceof CaseCommand.GiveStageReply c) {
            text(c.text(), "text");
            date(c.repliedOn(), "repliedOn", today);
        } else if (command instanceof CaseCommand.OpenHearing c) {
            date(c.openedOn(), "openedOn", today);
        } else if (command instanceof CaseCommand.CloseHearing c) {
            date(c.closedOn(), "closedOn", today);
        } else if (command instanceof CaseCommand.CorrectPetition c) {
            required(c.petition(), "petition");
            parsePetition(c.petition(), today);
            text(c.reason(), "reason");
        } else if (command instanceof CaseCommand.ChangeProfile c) {
            required(c.profile(), "profile");
            if (!limits.knowsProfile(c.profile())) throw new FieldProblem("profile", "unknown profile");
            text(c.reason(), "reason");
        } else if (command instanceof CaseCommand.Terminate c) {
            text(c.legalBasis(), "legalBasis");
            date(c.terminatedOn(), "terminatedOn", today);
        } else if (command instanceof CaseCommand.RecordWarning c) {
            sweep(c.clock(), c.round(), c.dueAt());
        } else if (command instanceof CaseCommand.RecordBreach c) {
            sweep(c.clock(), c.round(), c.dueAt());
        } else if (command instanceof CaseCommand.RecordLapse c) {
            sweep(c.clock(), c.round(), c.dueAt());
        } else if (command instanceof CaseCommand.DesignateBacklog c) {
            required(c.source(), "source");
            date(c.designatedOn(), "designatedOn", today);
        } else if (command instanceof CaseCommand.EnrolInBatch c) {
            required(c.batch(), "batch");
            required(c.level(), "level");
            shortText(c.batchName(), "batchName");
            plannedDate(c.targetDate(), "targetDate");
            date(c.enrolledOn(), "enrolledOn", today);
        } else if (command instanceof CaseCommand.FlagHardCase c) {
            text(c.reason(), "reason");
            date(c.flaggedOn(), "flaggedOn", today);
        } else if (command instanceof CaseCommand.AssignPackageLeader c) {
            assignment(c.leader(), c.leadUnit(), c.taskForce(), c.coUnits());
            date(c.assignedOn(), "assignedOn", today);
        } else if (command instanceof CaseCommand.ReplacePackageLeader c) {
            assignment(c.leader(), c.leadUnit(), c.taskForce(), c.coUnits());
            required(c.reason(), "reason");
            date(c.replacedOn(), "replacedOn", today);
        } else if (command instanceof CaseCommand.RecordPlan c) {
            required(c.steps(), "steps");
            if (c.steps().isEmpty()) throw new FieldProblem("steps", "must not be empty");
            if (c.steps().size() > MAX_PLAN_STEPS) throw new FieldProblem("steps", "must hold at most " + MAX_PLAN_STEPS);
            for (int i = 0; i < c.steps().size(); i++) {
                PlanStepForm st = c.steps().get(i);
                if (st == null) throw new FieldProblem("steps[" + i + "]", "must not be null");
                text(st.description(), "steps[" + i + "].description");
                plannedDate(st.dueOn(), "steps[" + i + "].dueOn");
            }
            date(c.recordedOn(), "recordedOn", today);
        } else if (command instanceof CaseCommand.MarkPlanStepDone c) {
            if (c.step() < 1 || c.step() > MAX_PLAN_STEPS) throw new FieldProblem("step", "must be between 1 and " + MAX_PLAN_STEPS);
            date(c.doneOn(), "doneOn", today);
        } else if (command instanceof CaseCommand.ClaimResolution c) {
            required(c.kind(), "kind");
            text(c.evidence(), "evidence");
            date(c.claimedOn(), "claimedOn", today);
        } else if (command instanceof CaseCommand.ApproveResolution c) {
            date(c.approvedOn(), "approvedOn", today);
        } else if (command instanceof CaseCommand.RejectResolution c) {
            text(c.reason(), "reason");
            date(c.rejectedOn(), "rejectedOn", today);
        } else if (command instanceof CaseCommand.ReportRebound c) {
            text(c.reason(), "reason");
            date(c.reportedOn(), "reportedOn", today);
        } else if (command instanceof CaseCommand.Merge c) {
            required(c.into(), "into");
            text(c.reason(), "reason");
            date(c.mergedOn(), "mergedOn", today);
        } else if (command instanceof CaseCommand.RecordMergedCase c) {
            required(c.merged(), "merged");
            date(c.mergedOn(), "mergedOn", today);
        } else if (command instanceof CaseCommand.RecordRepeatPetition c) {
            date(c.receivedOn(), "receivedOn", today);
            required(c.channel(), "channel");
            if (c.headcount() < 1 || c.headcount() > MAX_PETITIONERS) {
                throw new FieldProblem("headcount", "must be between 1 and " + MAX_PETITIONERS);
            }
            required(c.skippedLevel(), "skippedLevel");
        } else if (command instanceof CaseCommand.RecordFollowUpVisit c) {
            required(c.satisfaction(), "satisfaction");
            date(c.visitedOn(), "visitedOn", today);
        } else if (command instanceof CaseCommand.IssueSupervision c) {
            required(c.kind(), "kind");
            required(c.addressee(), "addressee");
            date(c.issuedOn(), "issuedOn", today);
            plannedDate(c.feedbackDueOn(), "feedbackDueOn");
            if (c.feedbackDueOn().isBefore(c.issuedOn())) throw new FieldProblem("feedbackDueOn", "must not be before issuedOn");
        } else if (command instanceof CaseCommand.RecordSupervisionFeedback c) {
            if (c.supervision() < 1) throw new FieldProblem("supervision", "must be at least 1");
            text(c.feedback(), "feedback");
            date(c.givenOn(), "givenOn", today);
        } else if (command instanceof CaseCommand.RecordDutyWarning c) {
            required(c.duty(), "duty");
            required(c.dueAt(), "dueAt");
        } else if (command instanceof CaseCommand.RecordDutyBreach c) {
            required(c.duty(), "duty");
            required(c.dueAt(), "dueAt");
        } else if (command instanceof CaseCommand.ReassessEscalation) {
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
            if (official.isEmpty()) throw new FieldProblem("actor.official", "unknown official");
            if (!official.get().unit().equals(a.unit())) throw new FieldProblem("actor.unit", "is not the official's unit");
        }
        if (command instanceof CaseCommand.Route c) {
            unit(c.unit(), "unit");
        } else if (command instanceof CaseCommand.Import c) {
            if (c.handlingUnit() != null) unit(c.handlingUnit(), "handlingUnit");
            accusedInDirectory(c.petition());
        } else if (command instanceof CaseCommand.CorrectPetition c) {
            accusedInDirectory(c.petition());
        } else if (command instanceof CaseCommand.Register c) {
            accusedInDirectory(c.petition());
        } else if (command instanceof CaseCommand.AssignPackageLeader c) {
            assigneesInDirectory(c.leader(), c.leadUnit(), c.taskForce(), c.coUnits());
        } else if (command instanceof CaseCommand.ReplacePackageLeader c) {
            assigneesInDirectory(c.leader(), c.leadUnit(), c.taskForce(), c.coUnits());
        } else if (command instanceof CaseCommand.IssueSupervision c) {
            unit(c.addressee(), "addressee");
        }
    }

    private void assigneesInDirectory(OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits)
            throws FieldProblem {
        if (directory.official(leader).isEmpty()) throw new FieldProblem("leader", "unknown official");
        unit(leadUnit, "leadUnit");
        for (int i = 0; i < taskForce.size(); i++) {
            if (directory.official(taskForce.get(i)).isEmpty()) throw new FieldProblem("taskForce[" + i + "]", "unknown official");
        }
        for (int i = 0; i < coUnits.size(); i++) unit(coUnits.get(i), "coUnits[" + i + "]");
    }

    private static void assignment(OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits)
            throws FieldProblem {
        required(leader, "leader");
        required(leadUnit, "leadUnit");
        required(taskForce, "taskForce");
        if (taskForce.isEmpty()) throw new FieldProblem("taskForce", "must name at least one official");
        if (taskForce.size() > MAX_ASSIGNEES) throw new FieldProblem("taskForce", "must hold at most " + MAX_ASSIGNEES);
        for (int i = 0; i < taskForce.size(); i++) required(taskForce.get(i), "taskForce[" + i + "]");
        required(coUnits, "coUnits");
        if (coUnits.size() > MAX_ASSIGNEES) throw new FieldProblem("coUnits", "must hold at most " + MAX_ASSIGNEES);
        for (int i = 0; i < coUnits.size(); i++) {
            required(coUnits.get(i), "coUnits[" + i + "]");
            if (coUnits.get(i).equals(leadUnit)) throw new FieldProblem("coUnits[" + i + "]", "is the lead unit");
        }
    }

    /** A planned date (due, target): may lie in the future, not before the earliest fact. */
    private static void plannedDate(LocalDate d, String field) throws FieldProblem {
        if (d == null) throw new FieldProblem(field, "must not be null");
        if (d.isBefore(EARLIEST_FACT)) throw new FieldProblem(field, "must not be before " + EARLIEST_FACT);
        if (d.isAfter(LATEST_PLANNED)) throw new FieldProblem(field, "must not be after " + LATEST_PLANNED);
    }

    private void accusedInDirectory(PetitionForm form) throws FieldProblem {
        if (form.accused() != null) {
            List<AccusedPartyForm> accused = form.accused();
            for (int i = 0; i < accused.size(); i++) {
                AccusedPartyForm a = accused.get(i);
                if (a.unit() != null) unit(a.unit(), "petition.accused[" + i + "].unit");
                if (a.official() != null && directory.official(a.official()).isEmpty()) {
                    throw new FieldProblem("petition.accused[" + i + "].official", "unknown official");
                }
            }
        }
    }

    private static void sweep(ClockId clock, int round, java.time.Instant dueAt) throws FieldProblem {
        required(clock, "clock");
        if (round < 1) throw new FieldProblem("round", "must be at least 1");
        required(dueAt, "dueAt");
    }

    /** Stages a case reaches only after routing: an imported case in one of them names its handling unit. */
    private static final Set<Stage> ROUTED_STAGES = EnumSet.of(Stage.ROUTED, Stage.IN_HANDLING, Stage.PENDING_APPROVAL,
            Stage.CONCLUDED, Stage.UNDER_REVIEW, Stage.REVIEWED, Stage.UNDER_RE_REVIEW, Stage.FINAL);

    private static void importedFacts(List<ImportedFact> facts, LocalDate receivedOn, LocalDate today) throws FieldProblem {
        required(facts, "facts");
        if (facts.size() > MAX_IMPORTED_FACTS) throw new FieldProblem("facts", "must hold at most " + MAX_IMPORTED_FACTS);
        LocalDate previous = receivedOn;
        for (int i = 0; i < facts.size(); i++) {
            String path = "facts[" + i + "]";
            ImportedFact f = facts.get(i);
            if (f == null) throw new FieldProblem(path, "must not be null");
            required(f.fact(), path + ".fact");
            if (f.fact() == Fact.RECEIVED || f.fact() == Fact.ENDED) {
                throw new FieldProblem(path + ".fact", "is implied (the petition's date, the terminal stage) and not imported");
            }
            date(f.on(), path + ".on", today);
            if (f.on().isBefore(previous)) throw new FieldProblem(path + ".on", "must not be before the facts before it");
            previous = f.on();
            if (f.fact() == Fact.EXTENDED) {
                if (f.days() == null || f.days() < 1 || f.days() > MAX_EXTENSION_SHAPE) {
                    throw new FieldProblem(path + ".days", "must be between 1 and " + MAX_EXTENSION_SHAPE);
                }
            } else if (f.days() != null) {
                throw new FieldProblem(path + ".days", "is only for an extension");
            }
        }
    }

    private void unit(UnitId id, String field) throws FieldProblem {
        if (directory.unit(id).isEmpty()) throw new FieldProblem(field, "unknown unit");
    }

    /**
     * Parses a petition form into a {@link Petition}.
     *
     * @param form the form
     * @param today the current date in the case's zone
     * @return the petition
     * @throws FieldProblem naming the first bad field, with the prefix {@code petition.}
     */
    public static Petition parsePetition(PetitionForm form, LocalDate today) throws FieldProblem {
        if (form == null) throw new FieldProblem("petition", "must not be null");
        date(form.receivedOn(), "petition.receivedOn", today);
        required(form.channel(), "petition.channel");
        required(form.category(), "petition.category");
        shortText(form.subjectArea(), "petition.subjectArea");
        required(form.regionCode(), "petition.regionCode");
        RegionCode region;
        try {
            region = new RegionCode(form.regionCode());
        } catch (IllegalArgumentException e) {
            throw new FieldProblem("petition.regionCode", "must be six digits naming a province or below");
        }
        required(form.firstPetition(), "petition.firstPetition");
        if (form.firstPetition() && form.repeatsCase() != null) {
            throw new FieldProblem("petition.repeatsCase", "must be absent for a first petition");
        }
        if (!form.firstPetition() && form.repeatsCase() == null) {
            throw new FieldProblem("petition.repeatsCase", "must name the earlier case for a repeat petition");
        }
        required(form.petitioners(), "petition.petitioners");
        if (form.petitioners().isEmpty()) throw new FieldProblem("petition.petitioners", "must not be empty");
        if (form.petitioners().size() > MAX_PETITIONERS) {
            throw new FieldProblem("petition.petitioners", "must hold at most " + MAX_PETITIONERS);
        }
        if (form.channel() == Channel.VISIT && form.petitioners().size() > MAX_VISIT_REPRESENTATIVES) {
            throw new FieldProblem("petition.petitioners", "a visit sends at most five representatives (Art. 20)");
        }
        List<Petitioner> petitioners = new ArrayList<>();
        for (int i = 0; i < form.petitioners().size(); i++) {
            petitioners.add(petitioner(form.petitioners().get(i), "petition.petitioners[" + i + "]"));
        }
        int headcount = form.headcount() == null ? petitioners.size() : form.headcount();
        if (headcount < petitioners.size() || headcount > Petition.MAX_HEADCOUNT) {
            throw new FieldProblem("petition.headcount", "must be between the number of petitioners and " + Petition.MAX_HEADCOUNT);
        }
        List<AccusedParty> accused = new ArrayList<>();
        if (form.accused() != null) {
            if (form.accused().size() > MAX_ACCUSED) throw new FieldProblem("petition.accused", "must hold at most " + MAX_ACCUSED);
            for (int i = 0; i < form.accused().size(); i++) {
                accused.add(accusedParty(form.accused().get(i), "petition.accused[" + i + "]"));
            }
        }
        FreeText summary = freeText(form.summary(), "petition.summary");
        return new Petition(form.receivedOn(), form.channel(), form.category(), form.subjectArea(), region,
                form.firstPetition(), form.repeatsCase(), petitioners, headcount, accused, summary);
    }

    private static Petitioner petitioner(PetitionerForm p, String path) throws FieldProblem {
        if (p == null) throw new FieldProblem(path, "must not be null");
        PersonName name;
        try {
            name = new PersonName(nonBlank(p.name(), path + ".name"));
        } catch (IllegalArgumentException e) {
            throw new FieldProblem(path + ".name", "must be at most 100 characters");
        }
        IdNumber id = null;
        if (p.idNumber() != null) {
            try {
                id = new IdNumber(nonBlank(p.idNumber(), path + ".idNumber"));
            } catch (IllegalArgumentException e) {
                throw new FieldProblem(path + ".idNumber", "must be an 18-character resident ID number with a valid check character");
            }
        }
        PhoneNumber phone = null;
        if (p.phone() != null) {
            try {
                phone = new PhoneNumber(nonBlank(p.phone(), path + ".phone"));
            } catch (IllegalArgumentException e) {
                throw new FieldProblem(path + ".phone", "must be a mobile or landline number");
            }
        }
        Address address = null;
        if (p.address() != null) {
            try {
                address = new Address(nonBlank(p.address(), path + ".address"));
            } catch (IllegalArgumentException e) {
                throw new FieldProblem(path + ".address", "must be at most 500 characters");
            }
        }
        return new Petitioner(name, id, phone, address);
    }

    private static AccusedParty accusedParty(AccusedPartyForm a, String path) throws FieldProblem {
        if (a == null) throw new FieldProblem(path, "must not be null");
        int given = (a.unit() != null ? 1 : 0) + (a.official() != null ? 1 : 0) + (a.outsideName() != null ? 1 : 0);
        if (given != 1) throw new FieldProblem(path, "must name exactly one of unit, official, outsideName");
        if (a.unit() != null) return new AccusedParty.AccusedUnit(a.unit());
        if (a.official() != null) return new AccusedParty.AccusedOfficial(a.official());
        if (a.outsideName().length() > MAX_SHORT_TEXT) throw new FieldProblem(path + ".outsideName", "must be at most " + MAX_SHORT_TEXT + " characters");
        return new AccusedParty.OutsideParty(freeText(a.outsideName(), path + ".outsideName"));
    }

    /**
     * Parses free text.
     *
     * @param s the text
     * @param field the field's path
     * @return the text as a value
     * @throws FieldProblem if it is null, blank or too long
     */
    public static FreeText freeText(String s, String field) throws FieldProblem {
        nonBlank(s, field);
        if (s.length() > FreeText.MAX_LENGTH) throw new FieldProblem(field, "must be at most " + FreeText.MAX_LENGTH + " characters");
        return new FreeText(s);
    }

    private static void text(String s, String field) throws FieldProblem {
        freeText(s, field);
    }

    private static void shortText(String s, String field) throws FieldProblem {
        nonBlank(s, field);
        if (s.length() > MAX_SHORT_TEXT) throw new FieldProblem(field, "must be at most " + MAX_SHORT_TEXT + " characters");
    }

    private static String nonBlank(String s, String field) throws FieldProblem {
        if (s == null) throw new FieldProblem(field, "must not be null");
        if (s.isBlank()) throw new FieldProblem(field, "must not be blank");
        return s;
    }

    private static void required(Object o, String field) throws FieldProblem {
        if (o == null) throw new FieldProblem(field, "must not be null");
    }

    private static void date(LocalDate d, String field, LocalDate today) throws FieldProblem {
        if (d == null) throw new FieldProblem(field, "must not be null");
        if (d.isAfter(today)) throw new FieldProblem(field, "must not be in the future");
        if (d.isBefore(EARLIEST_FACT)) throw new FieldProblem(field, "must not be before " + EARLIEST_FACT);
    }
}
