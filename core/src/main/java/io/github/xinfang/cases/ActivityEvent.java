package io.github.xinfang.cases;

import io.github.xinfang.directory.UnitId;
import io.github.xinfang.petition.FreeText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Events recording activity around a case on either track: merges, repeat petitions, follow-up visits, the petitioner's
 * ratings, supervision and the petition's subject tags.
 * A closed set of immutable records. Every record starts with the three components every event has ({@code id},
 * {@code actor}, {@code recordedAt}: see {@link CaseEvent}); its constructor throws {@link NullPointerException}
 * naming a required component that is null.
 *
 * @since 0.4
 */
public sealed interface ActivityEvent extends CaseEvent {
    /**
     * The case was merged into another (并案); it is terminal now.
     *
     * @param into the surviving case
     * @param reason why
     * @param mergedOn the day
     * @since 0.2
     */
    record Merged(EventId id, Actor actor, Instant recordedAt, CaseId into, FreeText reason, LocalDate mergedOn) implements ActivityEvent {
        public Merged {
            Components.nonNull(Merged.class, id, actor, recordedAt, into, reason, mergedOn);
        }
    }

    /**
     * Another case was merged into this one (并入); recorded by the case service after the merge.
     *
     * @param merged the case merged into this one
     * @param mergedOn the day of the merge
     * @since 0.2
     */
    record MergedCaseRecorded(EventId id, Actor actor, Instant recordedAt, CaseId merged, LocalDate mergedOn) implements ActivityEvent {
        public MergedCaseRecorded {
            Components.nonNull(MergedCaseRecorded.class, id, actor, recordedAt, merged, mergedOn);
        }
    }

    /**
     * The petitioner petitioned again on the same matter (重复信访).
     *
     * @param receivedOn the day it was received
     * @param channel how it came
     * @param headcount how many people stood behind it
     * @param skippedLevel how far it went past the proper level
     * @param acceptedAgain false when the case was FINAL or TERMINATED
     * @since 0.2
     */
    record RepeatPetitionRecorded(EventId id, Actor actor, Instant recordedAt, LocalDate receivedOn, io.github.xinfang.petition.Channel channel, int headcount, CaseActivity.SkippedLevel skippedLevel, boolean acceptedAgain) implements ActivityEvent {
        public RepeatPetitionRecorded {
            Components.nonNull(RepeatPetitionRecorded.class, id, actor, recordedAt, receivedOn, channel);
            Objects.requireNonNull(skippedLevel, "skippedLevel");
        }
    }

    /**
     * A follow-up visit took place (回访).
     *
     * @param satisfaction the petitioner's rating
     * @param visitedOn the day
     * @since 0.2
     */
    record FollowUpVisitRecorded(EventId id, Actor actor, Instant recordedAt, CaseActivity.Satisfaction satisfaction, LocalDate visitedOn) implements ActivityEvent {
        public FollowUpVisitRecorded {
            Components.nonNull(FollowUpVisitRecorded.class, id, actor, recordedAt, satisfaction, visitedOn);
        }
    }

    /**
     * The petitioner rated the handling (评价); reported apart from follow-up visits.
     *
     * @param satisfaction the petitioner's rating
     * @param ratedOn the day the rating was given
     * @since 0.6
     */
    record HandlingRated(EventId id, Actor actor, Instant recordedAt, CaseActivity.Satisfaction satisfaction, LocalDate ratedOn) implements ActivityEvent {
        public HandlingRated {
            Components.nonNull(HandlingRated.class, id, actor, recordedAt, satisfaction, ratedOn);
        }
    }

    /**
     * The petition's subject tags were replaced ({@link ActivityCommand.CorrectSubjectTags}).
     *
     * @param subjectTags the tags now, sorted and distinct (empty: none)
     * @since 0.6
     */
    record SubjectTagsCorrected(EventId id, Actor actor, Instant recordedAt, java.util.List<String> subjectTags) implements ActivityEvent {
        public SubjectTagsCorrected {
            Components.nonNull(SubjectTagsCorrected.class, id, actor, recordedAt, subjectTags);
            subjectTags = Petition.subjectTags(subjectTags);
        }
    }

    /**
     * Supervision was issued (督办/提醒函/问责建议函/挂牌督办); its feedback clock starts.
     *
     * @param number its number on the case, from 1
     * @param kind the kind
     * @param addressee the unit that must give feedback
     * @param issuedOn the day it was issued
     * @param feedbackDueOn the last day for the feedback
     * @since 0.2
     */
    record SupervisionIssued(EventId id, Actor actor, Instant recordedAt, int number, CaseActivity.SupervisionKind kind, UnitId addressee, LocalDate issuedOn, LocalDate feedbackDueOn) implements ActivityEvent {
        public SupervisionIssued {
            Components.nonNull(SupervisionIssued.class, id, actor, recordedAt);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(addressee, "addressee");
            Objects.requireNonNull(issuedOn, "issuedOn");
            Objects.requireNonNull(feedbackDueOn, "feedbackDueOn");
        }
    }

    /**
     * Written feedback on a supervision was given (书面反馈); its clock is met.
     *
     * @param number the supervision's number
     * @param feedback the feedback
     * @param givenOn the day
     * @since 0.2
     */
    record SupervisionFeedbackRecorded(EventId id, Actor actor, Instant recordedAt, int number, FreeText feedback, LocalDate givenOn) implements ActivityEvent {
        public SupervisionFeedbackRecorded {
            Components.nonNull(SupervisionFeedbackRecorded.class, id, actor, recordedAt);
            Objects.requireNonNull(feedback, "feedback");
            Objects.requireNonNull(givenOn, "givenOn");
        }
    }
}
