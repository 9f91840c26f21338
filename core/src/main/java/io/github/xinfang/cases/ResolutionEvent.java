package io.github.xinfang.cases;

import io.github.xinfang.cases.EscalationPolicy.RankLadder;
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
 * A closed set of immutable records. Every record starts with the three components every event has ({@code id},
 * {@code actor}, {@code recordedAt}: see {@link CaseEvent}); its constructor throws {@link NullPointerException}
 * naming a required component that is null.
 *
 * @since 0.4
 */
public sealed interface ResolutionEvent extends CaseEvent {
    /**
     * The case was designated backlog (列为积案) and is on the resolution track.
     *
     * @param source where it came from
     * @param designatedOn the day
     * @since 0.2
     */
    record BacklogDesignated(EventId id, Actor actor, Instant recordedAt, Resolution.BacklogSource source, LocalDate designatedOn) implements ResolutionEvent {
        public BacklogDesignated {
            Components.nonNull(BacklogDesignated.class, id, actor, recordedAt, source, designatedOn);

        }
    }

    /**
     * The case was enrolled in a batch handed down by a higher level (纳入上级交办批次).
     *
     * @param batch the batch
     * @param level the issuing level
     * @param batchName the batch's name
     * @param targetDate the day the batch is to be cleared
     * @param enrolledOn the day of enrolment
     * @since 0.2
     */
    record BatchEnrolled(EventId id, Actor actor, Instant recordedAt, Resolution.BatchId batch, Resolution.IssuingLevel level, String batchName, LocalDate targetDate, LocalDate enrolledOn) implements ResolutionEvent {
        public BatchEnrolled {
            Components.nonNull(BatchEnrolled.class, id, actor, recordedAt, batch, level);
            TextRule.LINE.require(batchName, "batchName", Integer.MAX_VALUE);   // the command's check bounds the length
            Objects.requireNonNull(targetDate, "targetDate");
            Objects.requireNonNull(enrolledOn, "enrolledOn");

        }
    }

    /**
     * The case was flagged a hard case (钉子案/骨头案).
     *
     * @param reason why
     * @param flaggedOn the day
     * @since 0.2
     */
    record HardCaseFlagged(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate flaggedOn) implements ResolutionEvent {
        public HardCaseFlagged {
            Components.nonNull(HardCaseFlagged.class, id, actor, recordedAt, reason, flaggedOn);

        }
    }

    /**
     * A package leader was assigned (领导包案); the track is IN_RESOLUTION.
     *
     * @param leader the package leader
     * @param leadUnit the lead unit
     * @param taskForce the task force
     * @param coUnits the co-units
     * @param assignedOn the day
     * @since 0.2
     */
    record PackageLeaderAssigned(EventId id, Actor actor, Instant recordedAt, OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits, LocalDate assignedOn) implements ResolutionEvent {
        public PackageLeaderAssigned {
            Components.nonNull(PackageLeaderAssigned.class,
                    id, actor, recordedAt, leader, leadUnit, taskForce, coUnits, assignedOn);
            taskForce = List.copyOf(taskForce);
            coUnits = List.copyOf(coUnits);
        }
    }

    /**
     * The package leader was replaced: the active assignment ended and the new one started, in this one event.
     *
     * @param leader the new package leader
     * @param leadUnit the lead unit
     * @param taskForce the task force
     * @param coUnits the co-units
     * @param reason why
     * @param replacedOn the day
     * @since 0.2
     */
    record PackageLeaderReplaced(EventId id, Actor actor, Instant recordedAt, OfficialId leader, UnitId leadUnit, List<OfficialId> taskForce, List<UnitId> coUnits, Resolution.ReplacementReason reason, LocalDate replacedOn) implements ResolutionEvent {
        public PackageLeaderReplaced {
            Components.nonNull(PackageLeaderReplaced.class,
                    id, actor, recordedAt, leader, leadUnit, taskForce, coUnits, reason, replacedOn);
            taskForce = List.copyOf(taskForce);
            coUnits = List.copyOf(coUnits);
        }
    }

    /**
     * A plan version was recorded (化解方案); it supersedes the one before, which is kept.
     *
     * @param version the plan's version, from 1
     * @param steps the steps
     * @param recordedOn the day
     * @since 0.2
     */
    record PlanRecorded(EventId id, Actor actor, Instant recordedAt, int version, List<Resolution.PlanStep> steps, LocalDate recordedOn) implements ResolutionEvent {
        public PlanRecorded {
            Components.nonNull(PlanRecorded.class, id, actor, recordedAt);
            Objects.requireNonNull(steps, "steps");
            Objects.requireNonNull(recordedOn, "recordedOn");
            steps = List.copyOf(steps);
        }
    }

    /**
     * A step of a plan was done.
     *
     * @param version the plan's version
     * @param step the step's number, from 1
     * @param doneOn the day
     * @since 0.2
     */
    record PlanStepDone(EventId id, Actor actor, Instant recordedAt, int version, int step, LocalDate doneOn) implements ResolutionEvent {
        public PlanStepDone {
            Components.nonNull(PlanStepDone.class, id, actor, recordedAt);
            Objects.requireNonNull(doneOn, "doneOn");

        }
    }

    /**
     * A resolution was claimed (申请化解); the track is CLAIMED.
     *
     * @param kind 实体化解 or 程序化解
     * @param evidence the evidence summary
     * @param claimedOn the day
     * @since 0.2
     */
    record ResolutionClaimed(EventId id, Actor actor, Instant recordedAt, Resolution.ResolutionKind kind, FreeText evidence, LocalDate claimedOn) implements ResolutionEvent {
        public ResolutionClaimed {
            Components.nonNull(ResolutionClaimed.class, id, actor, recordedAt, kind, evidence, claimedOn);

        }
    }

    /**
     * The claimed resolution was approved (审核销号); the active assignment ended; the track is RESOLVED.
     *
     * @param approvedOn the day
     * @since 0.2
     */
    record ResolutionApproved(EventId id, Actor actor, Instant recordedAt, LocalDate approvedOn) implements ResolutionEvent {
        public ResolutionApproved {
            Components.nonNull(ResolutionApproved.class, id, actor, recordedAt, approvedOn);

        }
    }

    /**
     * The claimed resolution was returned (退回); the track is IN_RESOLUTION again.
     *
     * @param reason why
     * @param rejectedOn the day
     * @since 0.2
     */
    record ResolutionRejected(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate rejectedOn) implements ResolutionEvent {
        public ResolutionRejected {
            Components.nonNull(ResolutionRejected.class, id, actor, recordedAt, reason, rejectedOn);

        }
    }

    /**
     * A resolved case flared up again (反弹); the track is OPEN and a leader must be assigned again.
     *
     * @param reason why
     * @param reportedOn the day
     * @since 0.2
     */
    record ReboundReported(EventId id, Actor actor, Instant recordedAt, FreeText reason, LocalDate reportedOn) implements ResolutionEvent {
        public ReboundReported {
            Components.nonNull(ReboundReported.class, id, actor, recordedAt, reason, reportedOn);

        }
    }

    /**
     * 提级包案: the required rank of the package leader rose; recorded by the case service with the event that changed an escalation input.
     *
     * @param rank the new required rank
     * @param rules the names of the rules that fired
     * @since 0.2
     */
    record RequiredRankRaised(EventId id, Actor actor, Instant recordedAt, RankLadder.RequiredRank rank, List<String> rules) implements ResolutionEvent {
        public RequiredRankRaised {
            Components.nonNull(RequiredRankRaised.class, id, actor, recordedAt, rank, rules);
            rules = List.copyOf(rules);
        }
    }

    /**
     * The active package leader is below a raised required rank: the clock to replace them starts (提级包案).
     *
     * @param round the replacement round, from 1
     * @param startedOn the day it starts
     * @param limit the limit counted from that day
     * @since 0.2
     */
    record ReplacementClockStarted(EventId id, Actor actor, Instant recordedAt, int round, LocalDate startedOn, io.github.xinfang.calendar.TimeLimit limit) implements ResolutionEvent {
        public ReplacementClockStarted {
            Components.nonNull(ReplacementClockStarted.class, id, actor, recordedAt);
            Objects.requireNonNull(startedOn, "startedOn");
            Objects.requireNonNull(limit, "limit");
        }
    }
}
