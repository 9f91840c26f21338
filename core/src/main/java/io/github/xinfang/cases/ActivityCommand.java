package io.github.xinfang.cases;

import io.github.xinfang.cases.PetitionForm.FormText;
import io.github.xinfang.directory.UnitId;
import java.time.LocalDate;

/**
 * Commands that record activity around a case on either track: merges, repeat petitions, follow-up visits (回访), the
 * petitioner's rating of the handling (评价), supervision (督查督办) and the petition's subject tags.
 * A closed set of immutable records; see {@link CaseCommand} for what every one carries. Free text is a {@link FormText};
 * a record holding one also takes it as a {@code String} (null for a missing text), through {@link FormText#ofNullable}.
 *
 * @since 0.4
 */
public sealed interface ActivityCommand extends CaseCommand {
    /**
     * 并案: merges this case into another open case on the same matter. Writes only this case; the case service
     * then records the link on the surviving case ({@link RecordMergedCase}, keyed by the merge event).
     *
     * @param caseId the case that is merged away
     * @param key the idempotency key
     * @param actor who issues it
     * @param into the surviving case
     * @param reason why (free text, masked)
     * @param mergedOn the day
     * @since 0.2
     */
    record Merge(CaseId caseId, IdempotencyKey key, Actor actor, CaseId into, FormText reason, LocalDate mergedOn)
            implements ActivityCommand {
        public Merge(CaseId caseId, IdempotencyKey key, Actor actor, CaseId into, String reason, LocalDate mergedOn) {
            this(caseId, key, actor, into, FormText.ofNullable(reason), mergedOn);
        }
    }

    /**
     * 并入: records on the surviving case that another case was merged into it. Issued by the case service after
     * a {@link Merge}; refused from any other actor than the system.
     *
     * @param caseId the surviving case
     * @param key the idempotency key (derived from the merged case and its merge event)
     * @param actor the system
     * @param merged the case merged into this one
     * @param mergedOn the day of the merge
     * @since 0.2
     */
    record RecordMergedCase(CaseId caseId, IdempotencyKey key, Actor actor, CaseId merged, LocalDate mergedOn)
            implements ActivityCommand {}

    /**
     * 重复信访: records that the petitioner petitioned again on the same matter; counted per case (件) and per
     * petition (件次); in FINAL or TERMINATED it is recorded as not accepted again. An input to escalation.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who records it
     * @param receivedOn the day the repeat petition was received
     * @param channel how it came
     * @param headcount how many people stood behind it, at least 1
     * @param skippedLevel how far it went past the proper level (越级/进京)
     * @since 0.2
     */
    record RecordRepeatPetition(CaseId caseId, IdempotencyKey key, Actor actor, LocalDate receivedOn,
                                io.github.xinfang.petition.Channel channel, int headcount, CaseActivity.SkippedLevel skippedLevel)
            implements ActivityCommand {}

    /**
     * 回访: records a follow-up visit after the case was concluded, with the petitioner's rating.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who visited
     * @param satisfaction 满意, 基本满意 or 不满意
     * @param visitedOn the day
     * @since 0.2
     */
    record RecordFollowUpVisit(CaseId caseId, IdempotencyKey key, Actor actor, CaseActivity.Satisfaction satisfaction, LocalDate visitedOn)
            implements ActivityCommand {}

    /**
     * 评价: records the petitioner's own rating of the handling (信访人评价, 《信访工作条例》 Art. 21(2)), given through the
     * portal or the petition information system after the case was concluded. Kept apart from the rating at a follow-up
     * visit ({@link RecordFollowUpVisit}): the metrics report the two separately.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who records it (the portal's account of the petitioner, or a clerk entering a paper form)
     * @param satisfaction 满意, 基本满意 or 不满意
     * @param ratedOn the day the petitioner gave the rating
     * @since 0.6
     */
    record RateHandling(CaseId caseId, IdempotencyKey key, Actor actor, CaseActivity.Satisfaction satisfaction, LocalDate ratedOn)
            implements ActivityCommand {}

    /**
     * 更正主题标签: replaces the petition's subject tags (the housing estate, employer or project it is about: the key
     * of cluster warnings, 类案预警), in any stage; the rest of the petition is untouched. The tags a portal sets at
     * registration ({@link PetitionForm#subjectTags()}) are corrected this way, and tags are added to cases registered
     * before the portal tagged its petitions. An empty list removes every tag.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who corrects them
     * @param subjectTags the new tags, at most {@value Petition#MAX_SUBJECT_TAGS}, each one line (duplicates ignored)
     * @since 0.6
     */
    record CorrectSubjectTags(CaseId caseId, IdempotencyKey key, Actor actor, java.util.List<String> subjectTags)
            implements ActivityCommand {}

    /**
     * 督办/提醒函/问责建议函/挂牌督办: issues supervision to a unit, with a feedback due date (a duty clock). The
     * actor is the issuer; the addressee is never an accused unit.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor the issuer
     * @param kind the kind of supervision
     * @param addressee the unit that must give written feedback
     * @param issuedOn the day it was issued
     * @param feedbackDueOn the last day for the feedback, not before issuedOn
     * @since 0.2
     */
    record IssueSupervision(CaseId caseId, IdempotencyKey key, Actor actor, CaseActivity.SupervisionKind kind, UnitId addressee,
                            LocalDate issuedOn, LocalDate feedbackDueOn) implements ActivityCommand {}

    /**
     * 书面反馈: records the written feedback on a supervision; meets its feedback clock.
     *
     * @param caseId the case
     * @param key the idempotency key
     * @param actor who gives the feedback
     * @param supervision the supervision's number on the case
     * @param feedback the feedback (free text, masked)
     * @param givenOn the day
     * @since 0.2
     */
    record RecordSupervisionFeedback(CaseId caseId, IdempotencyKey key, Actor actor, int supervision, FormText feedback,
                                     LocalDate givenOn) implements ActivityCommand {
        public RecordSupervisionFeedback(CaseId caseId, IdempotencyKey key, Actor actor, int supervision, String feedback, LocalDate givenOn) {
            this(caseId, key, actor, supervision, FormText.ofNullable(feedback), givenOn);
        }
    }
}
