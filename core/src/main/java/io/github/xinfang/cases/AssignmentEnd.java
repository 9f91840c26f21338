package io.github.xinfang.cases;

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
    public static AssignmentEnd of(ReplacementReason reason) {
        switch (reason) {
            case POST_CHANGE: return POST_CHANGE;
            case ESCALATION: return ESCALATION;
            case OTHER: return OTHER;
            default: throw new AssertionError("unhandled reason " + reason);
        }
    }
}
