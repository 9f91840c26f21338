package io.github.xinfang.time;

/**
 * The clocks the library knows how to run (DESIGN.md section 2). What starts, meets and stops each is fixed
 * by the library; a {@link Profile} says which of them a case has, with what limit and warning window.
 * Immutable.
 *
 * @since 0.1
 */
public enum ClockId {
    /** 转送/交办: route the petition; from its receipt (or from an objection). */
    ROUTING(Kind.DUTY),
    /** 告知: tell the petitioner; from the unit's receipt. */
    TELLING(Kind.DUTY),
    /** 异议: the unit may object; from the unit's receipt. */
    OBJECTION(Kind.WINDOW),
    /** 受理决定: decide on acceptance; from the unit's receipt (regional and simplified profiles). */
    ACCEPTANCE(Kind.DUTY),
    /** 办理: conclude; from acceptance or reopening; extendable once. */
    HANDLING(Kind.DUTY),
    /** 复查申请: the petitioner may ask for review; from the reply's service. */
    REVIEW_REQUEST(Kind.WINDOW),
    /** 复查: give the review opinion; from the request's receipt. */
    REVIEW(Kind.DUTY),
    /** 复核申请: the petitioner may ask for re-review; from the review opinion's service. */
    RE_REVIEW_REQUEST(Kind.WINDOW),
    /** 复核: give the re-review opinion; from the request's receipt; hearings do not count. */
    RE_REVIEW(Kind.DUTY),
    /** "1-2-3" first contact (电话联系); from the unit's receipt. */
    CONTACT(Kind.DUTY),
    /** "1-2-3" meeting (见面/走访); from the unit's receipt. */
    MEETING(Kind.DUTY),
    /** "1-2-3" conclusion or stage reply (阶段性答复); from the unit's receipt. */
    STAGE_REPLY(Kind.DUTY);

    private final Kind kind;

    ClockId(Kind kind) {
        this.kind = kind;
    }

    /** @return duty or window */
    public Kind kind() {
        return kind;
    }

    /**
     * A duty (something a unit must do: its breach is 超期) or a window (something the petitioner or a unit
     * may do: it lapses, never "overdue"). Immutable.
     *
     * @since 0.1
     */
    public enum Kind {
        /** A unit's duty. */
        DUTY,
        /** A window that may lapse. */
        WINDOW
    }
}
