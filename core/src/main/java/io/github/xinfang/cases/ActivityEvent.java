package io.github.xinfang.cases;

import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Events recording activity around a case on either track: merges, repeat petitions, follow-up visits and supervision.
 * A closed set of immutable records; see {@link CaseEvent} for what every one carries.
 *
 * @since 0.4
 */
public sealed interface ActivityEvent extends CaseEvent {
    /**
     * The case was merged into another (并案); it is terminal now.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param into the surviving case
     * @param reason why
     * @param mergedOn the day
     * @since 0.2
     */
    record Merged(EventId id, Actor actor, Instant recordedAt, CaseId into, FreeText reason, LocalDate mergedOn) implements ActivityEvent {
        /** @throws NullPointerException naming a null argument */
        public Merged {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(into, "into");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(mergedOn, "mergedOn");
        }
    }

    /**
     * Another case was merged into this one (并入); recorded by the case service after the merge.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param merged the case merged into this one
     * @param mergedOn the day of the merge
     * @since 0.2
     */
    record MergedCaseRecorded(EventId id, Actor actor, Instant recordedAt, CaseId merged, LocalDate mergedOn) implements ActivityEvent {
        /** @throws NullPointerException naming a null argument */
        public MergedCaseRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(merged, "merged");
            Objects.requireNonNull(mergedOn, "mergedOn");
        }
    }

    /**
     * The petitioner petitioned again on the same matter (重复信访).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param receivedOn the day it was received
     * @param channel how it came
     * @param headcount how many people stood behind it
     * @param skippedLevel how far it went past the proper level
     * @param acceptedAgain false when the case was FINAL or TERMINATED
     * @since 0.2
     */
    record RepeatPetitionRecorded(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn, io.github.xinfang.petition.Channel channel, int headcount, SkippedLevel skippedLevel, boolean acceptedAgain) implements ActivityEvent {
        /** @throws NullPointerException naming a null argument */
        public RepeatPetitionRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(receivedOn, "receivedOn");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(skippedLevel, "skippedLevel");
        }
    }

    /**
     * A follow-up visit took place (回访).
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param satisfaction the petitioner's rating
     * @param visitedOn the day
     * @since 0.2
     */
    record FollowUpVisitRecorded(EventId id, Actor actor, Instant recordedAt, Satisfaction satisfaction, LocalDate visitedOn) implements ActivityEvent {
        /** @throws NullPointerException naming a null argument */
        public FollowUpVisitRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(satisfaction, "satisfaction");
            Objects.requireNonNull(visitedOn, "visitedOn");
        }
    }

    /**
     * Supervision was issued (督办/提醒函/问责建议函/挂牌督办); its feedback clock starts.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param number its number on the case, from 1
     * @param kind the kind
     * @param addressee the unit that must give feedback
     * @param issuedOn the day it was issued
     * @param feedbackDueOn the last day for the feedback
     * @since 0.2
     */
    record SupervisionIssued(EventId id, Actor actor, Instant recordedAt, int number, SupervisionKind kind, UnitId addressee, LocalDate issuedOn, LocalDate feedbackDueOn) implements ActivityEvent {
        /** @throws NullPointerException naming a null argument */
        public SupervisionIssued {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(addressee, "addressee");
            Objects.requireNonNull(issuedOn, "issuedOn");
            Objects.requireNonNull(feedbackDueOn, "feedbackDueOn");
        }
    }

    /**
     * Written feedback on a supervision was given (书面反馈); its clock is met.
     *
     * @param id the event's id
     * @param actor who caused it
     * @param recordedAt when it was recorded
     * @param number the supervision's number
     * @param feedback the feedback
     * @param givenOn the day
     * @since 0.2
     */
    record SupervisionFeedbackRecorded(EventId id, Actor actor, Instant recordedAt, int number, FreeText feedback, LocalDate givenOn) implements ActivityEvent {
        /** @throws NullPointerException naming a null argument */
        public SupervisionFeedbackRecorded {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(recordedAt, "recordedAt");
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(givenOn, "givenOn");
        }
    }
}
