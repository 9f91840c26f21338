package io.github.xinfang.cases;

import io.github.xinfang.cases.Procedure.ImportedFact;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.time.Fact;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shape rules that relate two or more fields of one record, named; every other shape rule follows from a
 * component's type ({@link ShapeRules}). The walk runs a record's rules, in this order, once its components passed.
 * Stateless.
 */
enum CrossFieldRule {
    /** A repeat petition names the case it repeats, a first one names none. */
    REPEAT_NAMES_ITS_CASE("repeatsCase is given exactly when firstPetition is false",
            "repeatsCase: must be absent for a first petition (初次信访不得填写); must name the earlier case for a repeat petition",
            PetitionForm.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            PetitionForm f = (PetitionForm) r;
            if (f.firstPetition() && f.repeatsCase() != null) {
                throw new FieldProblem(prefix + "repeatsCase", "must be absent for a first petition", "初次信访不得填写");
            }
            if (!f.firstPetition() && f.repeatsCase() == null) {
                throw new FieldProblem(prefix + "repeatsCase", "must name the earlier case for a repeat petition", "重复信访须写明原信访事项");
            }
        }
    },
    /** A visit sends at most five representatives (《信访工作条例》 Art. 20). */
    VISIT_SENDS_FIVE("a visit names at most " + PetitionForms.MAX_VISIT_REPRESENTATIVES + " petitioners (Art. 20)",
            "petitioners: a visit sends at most five representatives (Art. 20)", PetitionForm.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            PetitionForm f = (PetitionForm) r;
            if (f.channel() == Channel.VISIT && f.petitioners().size() > PetitionForms.MAX_VISIT_REPRESENTATIVES) {
                throw new FieldProblem(prefix + "petitioners", "a visit sends at most five representatives (Art. 20)", "走访推选的代表不超过五人（第二十条）");
            }
        }
    },
    /** The headcount covers the petitioners named. */
    HEADCOUNT_COVERS_PETITIONERS("headcount, if given, is between the number of petitioners and " + Petition.MAX_HEADCOUNT,
            "headcount: must be between the number of petitioners and " + Petition.MAX_HEADCOUNT, PetitionForm.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            PetitionForm f = (PetitionForm) r;
            int headcount = f.headcount() == null ? f.petitioners().size() : f.headcount();
            if (headcount < f.petitioners().size() || headcount > Petition.MAX_HEADCOUNT) {
                throw new FieldProblem(prefix + "headcount", "must be between the number of petitioners and " + Petition.MAX_HEADCOUNT,
                        "须在信访人数与" + Petition.MAX_HEADCOUNT + "之间");
            }
        }
    },
    /** An accused party is a unit, an official or an outside party, exactly one. */
    ONE_ACCUSED_PARTY("exactly one of unit, official, outsideName",
            "the party itself: must name exactly one of unit, official, outsideName", PetitionForm.AccusedParty.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            PetitionForm.AccusedParty a = (PetitionForm.AccusedParty) r;
            int given = (a.unit() != null ? 1 : 0) + (a.official() != null ? 1 : 0) + (a.outsideName() != null ? 1 : 0);
            if (given != 1) {
                throw new FieldProblem(parent(prefix), "must name exactly one of unit, official, outsideName", "须且只须写明单位、工作人员或外部对象名称之一");
            }
        }
    },
    /**
     * Receipt and end are implied by the petition and the stage, so an imported case does not bring them; the facts of
     * the resolution track and supervision come with their own commands, not with an import.
     */
    IMPORTED_FACT_NOT_IMPLIED("fact is a procedure fact, neither RECEIVED nor ENDED",
            "fact: is implied (the petition's date, the terminal stage) and not imported; or is not a procedure fact",
            ImportedFact.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            ImportedFact f = (ImportedFact) r;
            if (f.fact() == Fact.RECEIVED || f.fact() == Fact.ENDED) {
                throw new FieldProblem(prefix + "fact", "is implied (the petition's date, the terminal stage) and not imported", "由信访日期或终结阶段推定，不导入");
            }
            if (f.fact().compareTo(Fact.ENDED) > 0) {
                throw new FieldProblem(prefix + "fact", "is not a procedure fact (the resolution track and supervision are not imported)",
                        "不是办理程序的事实（化解与督办不导入）");
            }
        }
    },
    /** An imported extension says its days; no other imported fact does. */
    IMPORTED_DAYS_ONLY_ON_EXTENSION("days is given exactly for EXTENDED, between 1 and " + ShapeRules.MAX_EXTENSION_SHAPE,
            "days: must be between 1 and " + ShapeRules.MAX_EXTENSION_SHAPE + "; is only for an extension", ImportedFact.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            ImportedFact f = (ImportedFact) r;
            if (f.fact() == Fact.EXTENDED) {
                if (f.days() == null) throw new FieldProblem(prefix + "days", "must be between 1 and " + ShapeRules.MAX_EXTENSION_SHAPE, "须在1到" + ShapeRules.MAX_EXTENSION_SHAPE + "之间");
                new ShapeRules.Bounds(1, ShapeRules.MAX_EXTENSION_SHAPE).check(f.days(), prefix + "days");
            } else if (f.days() != null) {
                throw new FieldProblem(prefix + "days", "is only for an extension", "仅用于延期");
            }
        }
    },
    /** A merged case stays with the case it was merged into. */
    MERGED_CASE_NOT_IMPORTED("stage is not MERGED", "stage: a merged case is not imported", ProcedureCommand.Import.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            if (((ProcedureCommand.Import) r).stage() == Stage.MERGED) {
                throw new FieldProblem(prefix + "stage", "a merged case is not imported", "已并案的事项不导入");
            }
        }
    },
    /** A case imported in a stage after routing names its handling unit. */
    ROUTED_IMPORT_NAMES_UNIT("handlingUnit is given when stage is one a case reaches only after routing",
            "handlingUnit: must be given for a case in stage S", ProcedureCommand.Import.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            ProcedureCommand.Import c = (ProcedureCommand.Import) r;
            if (ROUTED_STAGES.contains(c.stage()) && c.handlingUnit() == null) {
                throw new FieldProblem(prefix + "handlingUnit", "must be given for a case in stage " + c.stage(), "处于" + c.stage().chinese() + "阶段的事项必须填写");
            }
        }
    },
    /** An imported case's facts are in the order of their dates, none before the petition's receipt. */
    IMPORTED_FACTS_IN_ORDER("facts[i].on is not before the petition's receivedOn nor before the facts before it",
            "facts[i].on: must not be before the facts before it", ProcedureCommand.Import.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            ProcedureCommand.Import c = (ProcedureCommand.Import) r;
            LocalDate previous = c.petition().receivedOn();
            for (int i = 0; i < c.facts().size(); i++) {
                LocalDate on = c.facts().get(i).on();
                if (on.isBefore(previous)) {
                    throw new FieldProblem(prefix + "facts[" + i + "].on", "must not be before the facts before it", "不得早于其前的事实日期");
                }
                previous = on;
            }
        }
    },
    /** Feedback on supervision is due on or after the day it was issued. */
    FEEDBACK_DUE_AFTER_ISSUE("feedbackDueOn is not before issuedOn", "feedbackDueOn: must not be before issuedOn",
            ActivityCommand.IssueSupervision.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            ActivityCommand.IssueSupervision c = (ActivityCommand.IssueSupervision) r;
            if (c.feedbackDueOn().isBefore(c.issuedOn())) {
                throw new FieldProblem(prefix + "feedbackDueOn", "must not be before issuedOn", "不得早于督办下发日期");
            }
        }
    },
    /** The lead unit of an assignment is not also one of its co-units. */
    CO_UNIT_IS_NOT_LEAD("no co-unit is the lead unit", "coUnits[i]: is the lead unit",
            ResolutionCommand.AssignPackageLeader.class, ResolutionCommand.ReplacePackageLeader.class) {
        @Override
        void check(Record r, String prefix) throws FieldProblem {
            UnitId lead;
            List<UnitId> coUnits;
            if (r instanceof ResolutionCommand.AssignPackageLeader c) {
                lead = c.leadUnit();
                coUnits = c.coUnits();
            } else {
                ResolutionCommand.ReplacePackageLeader c = (ResolutionCommand.ReplacePackageLeader) r;
                lead = c.leadUnit();
                coUnits = c.coUnits();
            }
            for (int i = 0; i < coUnits.size(); i++) {
                if (coUnits.get(i).equals(lead)) throw new FieldProblem(prefix + "coUnits[" + i + "]", "is the lead unit", "与牵头单位相同");
            }
        }
    };

    /** Stages a case reaches only after routing: an imported case in one of them names its handling unit. */
    static final Set<Stage> ROUTED_STAGES = EnumSet.of(Stage.ROUTED, Stage.IN_HANDLING, Stage.PENDING_APPROVAL,
            Stage.CONCLUDED, Stage.UNDER_REVIEW, Stage.REVIEWED, Stage.UNDER_RE_REVIEW, Stage.FINAL);

    private final String asks;
    private final String rejections;
    private final Set<Class<? extends Record>> owners;

    @SafeVarargs
    CrossFieldRule(String asks, String rejections, Class<? extends Record>... owners) {
        this.asks = asks;
        this.rejections = rejections;
        this.owners = Set.of(owners);
    }

    /**
     * Checks the rule on a record whose components passed the walk.
     *
     * @param r the record, one of the rule's owners
     * @param prefix the record's path followed by a dot, or empty for a command
     * @throws FieldProblem naming the field the rule blames
     */
    abstract void check(Record r, String prefix) throws FieldProblem;

    /** @return what the rule asks, in English (for the docs) */
    String asks() {
        return asks;
    }

    /** @return the rejections it answers with, field first (for the docs) */
    String rejections() {
        return rejections;
    }

    /** @return the simple names of the records it applies to (for the docs) */
    String owners() {
        return owners.stream().map(ShapeRules::typeName).sorted().collect(Collectors.joining(", "));
    }

    /**
     * @param type a record type
     * @return the rules that apply to it, in their declared order
     */
    static List<CrossFieldRule> of(Class<?> type) {
        return Stream.of(values()).filter(r -> r.owners.contains(type)).collect(Collectors.toList());
    }

    private static String parent(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
