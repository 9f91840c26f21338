package io.github.xinfang.time;

/**
 * A dated legal fact that moves clocks: what the procedure events and imported histories have in common.
 * Immutable.
 *
 * @since 0.1
 */
public enum Fact {
    /** The petition was received (登记); starts routing. */
    RECEIVED,
    /** The case was routed; the unit received it. Meets routing; starts telling, objection, acceptance and fast-track clocks. */
    ROUTED,
    /** The unit objected. Meets the objection window; stops telling, acceptance and fast-track clocks; restarts routing. */
    OBJECTED,
    /** Transferred out of the portal. Meets routing. */
    TRANSFERRED_OUT,
    /** Redirected into a statutory channel. Meets routing or telling and acceptance. */
    REDIRECTED,
    /** Declined. Meets routing or telling and acceptance. */
    DECLINED,
    /** The petitioner was told (告知). Meets telling. */
    INFORMED,
    /** Accepted (受理). Meets acceptance; closes the objection window; starts handling. */
    ACCEPTED,
    /** The handling limit was extended. */
    EXTENDED,
    /** A contact by phone (电话联系). Meets the contact clock. */
    CONTACTED_BY_PHONE,
    /** A meeting, visit or appointment (见面/走访/约访). Meets the contact and meeting clocks. */
    MET_IN_PERSON,
    /** A stage reply (阶段性答复). Meets the stage-reply clock. */
    STAGE_REPLY_GIVEN,
    /** The conclusion was approved (办结). Meets handling and the stage-reply clock. */
    CONCLUSION_APPROVED,
    /** The written reply was served. Starts the review window. */
    REPLY_SERVED,
    /** Review was requested. Meets the review window; starts the review clock. */
    REVIEW_REQUESTED,
    /** The review opinion was given. Meets the review clock. */
    REVIEW_CONCLUDED,
    /** The review opinion was served. Starts the re-review window. */
    REVIEW_OPINION_SERVED,
    /** Re-review was requested. Meets the re-review window; starts the re-review clock. */
    RE_REVIEW_REQUESTED,
    /** The re-review opinion was given. Meets the re-review clock. */
    RE_REVIEW_CONCLUDED,
    /** Reopened. Starts a new handling clock with a fresh extension allowance; stops the windows. */
    REOPENED,
    /** A hearing opened. Pauses the re-review clock. */
    HEARING_OPENED,
    /** A hearing closed. Resumes the re-review clock. */
    HEARING_CLOSED,
    /** The case left the procedure (withdrawn, terminated, merged). Stops every open profile clock. */
    ENDED,
    /** A required rank rose above the active package leader's (提级包案). Starts a replacement duty. */
    REPLACEMENT_STARTED,
    /** The package leader was replaced. Meets the open replacement duties. */
    PACKAGE_LEADER_REPLACED,
    /** The case was enrolled in a batch (交办批次). Starts the batch's target duty. */
    BATCH_ENROLLED,
    /** A resolution plan was recorded. Stops the steps of the plan in force; starts the new plan's steps. */
    PLAN_RECORDED,
    /** A plan step was done. Meets that step. */
    PLAN_STEP_DONE,
    /** The resolution was approved (化解). Meets the batch targets; stops the plan steps and the replacement duties. */
    RESOLUTION_APPROVED,
    /** A supervision was issued (督办). Starts its feedback duty. */
    SUPERVISION_ISSUED,
    /** A supervision's feedback was given. Meets that supervision's feedback duty. */
    SUPERVISION_FEEDBACK_GIVEN
}
