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
    ROUTING(ClockKind.DUTY),
    /** 告知: tell the petitioner; from the unit's receipt. */
    TELLING(ClockKind.DUTY),
    /** 异议: the unit may object; from the unit's receipt. */
    OBJECTION(ClockKind.WINDOW),
    /** 受理决定: decide on acceptance; from the unit's receipt (regional and simplified profiles). */
    ACCEPTANCE(ClockKind.DUTY),
    /** 办理: conclude; from acceptance or reopening; extendable once. */
    HANDLING(ClockKind.DUTY),
    /** 复查申请: the petitioner may ask for review; from the reply's service. */
    REVIEW_REQUEST(ClockKind.WINDOW),
    /** 复查: give the review opinion; from the request's receipt. */
    REVIEW(ClockKind.DUTY),
    /** 复核申请: the petitioner may ask for re-review; from the review opinion's service. */
    RE_REVIEW_REQUEST(ClockKind.WINDOW),
    /** 复核: give the re-review opinion; from the request's receipt; hearings do not count. */
    RE_REVIEW(ClockKind.DUTY),
    /** "1-2-3" first contact (电话联系); from the unit's receipt. */
    CONTACT(ClockKind.DUTY),
    /** "1-2-3" meeting (见面/走访); from the unit's receipt. */
    MEETING(ClockKind.DUTY),
    /** "1-2-3" conclusion or stage reply (阶段性答复); from the unit's receipt. */
    STAGE_REPLY(ClockKind.DUTY);

    private final ClockKind kind;

    ClockId(ClockKind kind) {
        this.kind = kind;
    }

    /** @return duty or window */
    public ClockKind kind() {
        return kind;
    }
}
