package io.github.xinfang.cases;

import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.text.TextRule;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolution-track part of a case's state (积案化解), separate from its procedure stage; present once the
 * case was designated backlog or enrolled in a batch. Immutable.
 *
 * @param track the track state
 * @param source where the backlog case came from
 * @param hardCase whether the case is flagged a hard case (钉子案/骨头案)
 * @param batches the batches the case is in, in order of enrolment
 * @param requiredRank the rank the package leader must hold, or null while no escalation rule fired
 * @param requiredRankRules the rules that set the required rank (empty when there is none)
 * @param assignments every package assignment, oldest first; at most the last is active
 * @param claimKind the kind of the pending or approved resolution, or null
 * @param claimant who claimed the pending or approved resolution, or null
 * @param returnedClaims how many claims were returned (退回)
 * @param plans every plan version, oldest first; the last is in force
 * @param lastOn the latest date of a resolution-track fact
 * @since 0.2
 */
public record Resolution(Resolution.TrackState track, Resolution.BacklogSource source, boolean hardCase, List<Batch> batches,
                         RankLadder.RequiredRank requiredRank, List<String> requiredRankRules, List<Assignment> assignments,
                         Resolution.ResolutionKind claimKind, Actor claimant, int returnedClaims, List<Plan> plans, LocalDate lastOn) {

    /** @throws NullPointerException naming a required argument that is null */
    public Resolution {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(source, "source");
        batches = List.copyOf(Objects.requireNonNull(batches, "batches"));
        requiredRankRules = List.copyOf(Objects.requireNonNull(requiredRankRules, "requiredRankRules"));
        assignments = List.copyOf(Objects.requireNonNull(assignments, "assignments"));
        plans = List.copyOf(Objects.requireNonNull(plans, "plans"));
        Objects.requireNonNull(lastOn, "lastOn");
        if (returnedClaims < 0) throw new IllegalArgumentException("returnedClaims must not be negative");
    }

    /** @return the active assignment (the last one, if it has not ended) */
    public Optional<Assignment> activeAssignment() {
        if (assignments.isEmpty()) return Optional.empty();
        Assignment last = assignments.get(assignments.size() - 1);
        return last.isActive() ? Optional.of(last) : Optional.empty();
    }

    /** @return the plan in force (the latest version) */
    public Optional<Plan> currentPlan() {
        return plans.isEmpty() ? Optional.empty() : Optional.of(plans.get(plans.size() - 1));
    }

    /**
     * @param batch a batch id
     * @return whether the case is in that batch
     */
    public boolean isIn(Resolution.BatchId batch) {
        for (Batch b : batches) if (b.id().equals(batch)) return true;
        return false;
    }

    /**
     * 包案: one package assignment, a leader with a lead unit, a task force and co-units, from one day to another.
     * Immutable.
     *
     * @param leader the package leader
     * @param leadUnit the lead unit (主办单位)
     * @param taskForce the task force (工作专班)
     * @param coUnits the co-units (协办单位)
     * @param from the day it started
     * @param to the day it ended, or null while active
     * @param ended why it ended, or null while active
     * @since 0.2
     */
    public record Assignment(OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits,
                             LocalDate from, LocalDate to, Resolution.AssignmentEnd ended) {
        /**
         * @throws NullPointerException naming a required argument that is null
         * @throws IllegalArgumentException if only one of to and ended is given, or to is before from
         */
        public Assignment {
            Objects.requireNonNull(leader, "leader");
            Objects.requireNonNull(leadUnit, "leadUnit");
            taskForce = List.copyOf(Objects.requireNonNull(taskForce, "taskForce"));
            coUnits = List.copyOf(Objects.requireNonNull(coUnits, "coUnits"));
            Objects.requireNonNull(from, "from");
            if ((to == null) != (ended == null)) throw new IllegalArgumentException("to and ended must be given together");
            if (to != null && to.isBefore(from)) throw new IllegalArgumentException("to must not be before from");
        }

        /** @return whether it has not ended */
        public boolean isActive() {
            return to == null;
        }

        /**
         * @param on the day it ends
         * @param why why
         * @return this assignment, ended
         */
        public Assignment end(LocalDate on, Resolution.AssignmentEnd why) {
            return new Assignment(leader, leadUnit, taskForce, coUnits, from, on, why);
        }
    }

    /**
     * 上级交办批次: a batch the case is in. Immutable.
     *
     * @param id the batch
     * @param level the issuing level
     * @param name the batch's name (e.g. 第三批重复信访案件)
     * @param targetDate the day the batch is to be cleared
     * @param enrolledOn the day the case was enrolled
     * @since 0.2
     */
    public record Batch(Resolution.BatchId id, Resolution.IssuingLevel level, String name, LocalDate targetDate, LocalDate enrolledOn) {
        /** @throws NullPointerException naming a null argument */
        public Batch {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(level, "level");
            TextRule.LINE.require(name, "name", 200);
            Objects.requireNonNull(targetDate, "targetDate");
            Objects.requireNonNull(enrolledOn, "enrolledOn");
        }
    }

    /**
     * 化解方案: one version of the plan. Immutable.
     *
     * @param version 1 for the first plan, then one more per new version
     * @param recordedOn the day it was recorded
     * @param steps its steps, in order
     * @since 0.2
     */
    public record Plan(int version, LocalDate recordedOn, List<PlanStep> steps) {
        /** @throws NullPointerException naming a null argument; IllegalArgumentException if version is below 1 */
        public Plan {
            if (version < 1) throw new IllegalArgumentException("version must be at least 1");
            Objects.requireNonNull(recordedOn, "recordedOn");
            steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        }
    }

    /**
     * One step of a plan. Immutable; the description masks itself.
     *
     * @param description what is to be done
     * @param dueOn the day it is due
     * @param doneOn the day it was done, or null
     * @since 0.2
     */
    public record PlanStep(FreeText description, LocalDate dueOn, LocalDate doneOn) {
        /** @throws NullPointerException naming a required argument that is null */
        public PlanStep {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(dueOn, "dueOn");
        }
    }

    /**
     * Why a package assignment ended. Immutable.
     *
     * @since 0.2
     */
    public enum AssignmentEnd {
        /** Replaced after a post change (新官理旧账). */
        POST_CHANGE,
        /** Replaced by a leader of higher rank (提级包案). */
        ESCALATION,
        /** Replaced for another reason. */
        OTHER,
        /** The resolution was approved (审核销号). */
        RESOLUTION_APPROVED;

        /**
         * @param reason a replacement reason
         * @return the ending it gives the replaced assignment
         */
        public static Resolution.AssignmentEnd of(Resolution.ReplacementReason reason) {
            switch (reason) {
                case POST_CHANGE: return POST_CHANGE;
                case ESCALATION: return ESCALATION;
                case OTHER: return OTHER;
                default: throw new AssertionError("unhandled reason " + reason);
            }
        }
    }

    /**
     * The state of a case on the resolution track (积案化解, DESIGN.md section 5). A case that was never
     * designated backlog has no track state. Immutable.
     *
     * @since 0.2
     */
    public enum TrackState {
        /** 待包案: on the track, no package leader assigned. */
        OPEN("待包案"),
        /** 化解中: a package leader is assigned. */
        IN_RESOLUTION("化解中"),
        /** 已申请化解: a resolution was claimed and awaits approval. */
        CLAIMED("已申请化解"),
        /** 已化解销号: the resolution was approved (crossed off). */
        RESOLVED("已销号");

        private final String chinese;

        TrackState(String chinese) {
            this.chinese = chinese;
        }

        /** @return the Chinese name */
        public String chinese() {
            return chinese;
        }
    }

    /**
     * Where a backlog case (积案) came from. Immutable.
     *
     * @since 0.2
     */
    public enum BacklogSource {
        /** The office's own sweep (自行排查). */
        OWN_SWEEP,
        /** A batch handed down by a higher level (上级交办). */
        BATCH
    }

    /**
     * The kind of a claimed resolution. Immutable.
     *
     * @since 0.2
     */
    public enum ResolutionKind {
        /** 实体化解: the underlying problem was solved. */
        SUBSTANTIVE("实体化解"),
        /** 程序化解: the procedures were properly exhausted. */
        PROCEDURAL("程序化解");

        private final String chinese;

        ResolutionKind(String chinese) {
            this.chinese = chinese;
        }

        /** @return the Chinese name */
        public String chinese() {
            return chinese;
        }
    }

    /**
     * The level that issued a batch of backlog cases (上级交办), lowest first. Immutable.
     *
     * @since 0.2
     */
    public enum IssuingLevel {
        /** 县级. */
        COUNTY("县级"),
        /** 市级. */
        CITY("市级"),
        /** 省级. */
        PROVINCE("省级"),
        /** 中央/国家信访局. */
        CENTRAL("中央");

        private final String chinese;

        IssuingLevel(String chinese) {
            this.chinese = chinese;
        }

        /** @return the Chinese name */
        public String chinese() {
            return chinese;
        }

        /**
         * @param other another level
         * @return whether this level is the other or above it
         */
        public boolean isAtLeast(Resolution.IssuingLevel other) {
            return compareTo(other) >= 0;
        }
    }

    /**
     * Why a package leader was replaced. Immutable.
     *
     * @since 0.2
     */
    public enum ReplacementReason {
        /** 新官理旧账: the leader left the post; the successor inherits the case. */
        POST_CHANGE,
        /** 提级包案: the required rank rose above the leader's. */
        ESCALATION,
        /** Any other reason. */
        OTHER
    }

    /**
     * The identifier of a batch of backlog cases handed down by a higher level (上级交办批次). Immutable.
     *
     * @param value an id under {@link TextRule#ID}: at most 64 code points, no whitespace, control, format or private-use character
     * @since 0.2
     */
    public record BatchId(String value) {
        /**
         * @throws NullPointerException if value is null
         * @throws IllegalArgumentException if value breaks {@link TextRule#ID} (blank, too long, a character an id may not hold)
         */
        public BatchId {
            TextRule.ID.require(value, "value", 64);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
