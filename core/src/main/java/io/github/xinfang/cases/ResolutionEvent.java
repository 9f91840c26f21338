package io.github.xinfang.cases;

import io.github.xinfang.text.TextRule;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Events of the resolution track (积案化解), including the rises of the required rank (提级包案) and the replacement clocks they start.
 * A closed set of immutable records; see {@link CaseEvent} for what every one carries.
 *
 * @since 0.4
 */
public sealed interface ResolutionEvent extends CaseEvent {
    /**
     * The case was designated backlog (列为积案) and is on the resolution track.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param source where it came from
     * @param designatedOn the day
     * @since 0.2
     */
    record BacklogDesignated(EventId id, Actor actor, Instant recordedAt, BacklogSource source, LocalDate designatedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public BacklogDesignated {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(designatedOn, "designatedOn");

        }
    }

    /**
     * The case was enrolled in a batch handed down by a higher level (纳入上级交办批次).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param batch the batch
     * @param level the issuing level
     * @param batchName the batch's name
     * @param targetDate the day the batch is to be cleared
     * @param enrolledOn the day of enrolment
     * @since 0.2
     */
    record BatchEnrolled(EventId id, Actor actor, Instant recordedAt, BatchId batch, IssuingLevel level, String batchName, LocalDate targetDate, LocalDate enrolledOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public BatchEnrolled {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(level, "level");
            TextRule.LINE.require(batchName, "batchName", Integer.MAX_VALUE);   // the command's check bounds the length
            Objects.requireNonNull(targetDate, "targetDate");
            Objects.requireNonNull(enrolledOn, "enrolledOn");

        }
    }

    /**
     * The case was flagged a hard case (钉子案/骨头案).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason why
     * @param flaggedOn the day
     * @since 0.2
     */
    record HardCaseFlagged(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate flaggedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public HardCaseFlagged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(flaggedOn, "flaggedOn");

        }
    }

    /**
     * A package leader was assigned (领导包案); the track is IN_RESOLUTION.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param leader the package leader
     * @param leadUnit the lead unit
     * @param taskForce the task force
     * @param coUnits the co-units
     * @param assignedOn the day
     * @since 0.2
     */
    record PackageLeaderAssigned(EventId id, Actor actor, Instant recordedAt, OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits, LocalDate assignedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public PackageLeaderAssigned {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(leader, "leader");
            Objects.requireNonNull(leadUnit, "leadUnit");
            Objects.requireNonNull(taskForce, "taskForce");
            Objects.requireNonNull(coUnits, "coUnits");
            Objects.requireNonNull(assignedOn, "assignedOn");
            taskForce = List.copyOf(taskForce);
            coUnits = List.copyOf(coUnits);
        }
    }

    /**
     * The package leader was replaced: the active assignment ended and the new one started, in this one event.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param leader the new package leader
     * @param leadUnit the lead unit
     * @param taskForce the task force
     * @param coUnits the co-units
     * @param reason why
     * @param replacedOn the day
     * @since 0.2
     */
    record PackageLeaderReplaced(EventId id, Actor actor, Instant recordedAt, OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits, ReplacementReason reason, LocalDate replacedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public PackageLeaderReplaced {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(leader, "leader");
            Objects.requireNonNull(leadUnit, "leadUnit");
            Objects.requireNonNull(taskForce, "taskForce");
            Objects.requireNonNull(coUnits, "coUnits");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(replacedOn, "replacedOn");
            taskForce = List.copyOf(taskForce);
            coUnits = List.copyOf(coUnits);
        }
    }

    /**
     * A plan version was recorded (化解方案); it supersedes the one before, which is kept.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param version the plan's version, from 1
     * @param steps the steps
     * @param recordedOn the day
     * @since 0.2
     */
    record PlanRecorded(EventId id, Actor actor, Instant recordedAt, int version, List<Resolution.PlanStep> steps, LocalDate recordedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public PlanRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(steps, "steps");
            Objects.requireNonNull(recordedOn, "recordedOn");
            steps = List.copyOf(steps);
        }
    }

    /**
     * A step of a plan was done.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param version the plan's version
     * @param step the step's number, from 1
     * @param doneOn the day
     * @since 0.2
     */
    record PlanStepDone(EventId id, Actor actor, Instant recordedAt, int version, int step, LocalDate doneOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public PlanStepDone {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(doneOn, "doneOn");

        }
    }

    /**
     * A resolution was claimed (申请化解); the track is CLAIMED.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param kind 实体化解 or 程序化解
     * @param evidence the evidence summary
     * @param claimedOn the day
     * @since 0.2
     */
    record ResolutionClaimed(EventId id, Actor actor, Instant recordedAt, ResolutionKind kind, FreeText evidence, LocalDate claimedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public ResolutionClaimed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(evidence, "evidence");
            Objects.requireNonNull(claimedOn, "claimedOn");

        }
    }

    /**
     * The claimed resolution was approved (审核销号); the active assignment ended; the track is RESOLVED.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param approvedOn the day
     * @since 0.2
     */
    record ResolutionApproved(EventId id, Actor actor, Instant recordedAt, LocalDate approvedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public ResolutionApproved {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(approvedOn, "approvedOn");

        }
    }

    /**
     * The claimed resolution was returned (退回); the track is IN_RESOLUTION again.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason why
     * @param rejectedOn the day
     * @since 0.2
     */
    record ResolutionRejected(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate rejectedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public ResolutionRejected {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rejectedOn, "rejectedOn");

        }
    }

    /**
     * A resolved case flared up again (反弹); the track is OPEN and a leader must be assigned again.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param reason why
     * @param reportedOn the day
     * @since 0.2
     */
    record ReboundReported(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate reportedOn) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public ReboundReported {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(reportedOn, "reportedOn");

        }
    }

    /**
     * 提级包案: the required rank of the package leader rose; recorded by the case service with the event that changed an escalation input.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param rank the new required rank
     * @param rules the names of the rules that fired
     * @since 0.2
     */
    record RequiredRankRaised(EventId id, Actor actor, Instant recordedAt, RequiredRank rank, List<String> rules) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public RequiredRankRaised {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(rank, "rank");
            Objects.requireNonNull(rules, "rules");
            rules = List.copyOf(rules);
        }
    }

    /**
     * The active package leader is below a raised required rank: the clock to replace them starts (提级包案).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param round the replacement round, from 1
     * @param startedOn the day it starts
     * @param limit the limit counted from that day
     * @since 0.2
     */
    record ReplacementClockStarted(EventId id, Actor actor, Instant recordedAt, int round, LocalDate startedOn, io.github.xinfang.calendar.TimeLimit limit) implements ResolutionEvent {
        /** @throws NullPointerException naming a null argument */
        public ReplacementClockStarted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(startedOn, "startedOn");
            Objects.requireNonNull(limit, "limit");
        }
    }
}
