package io.github.xinfang.time;

/**
 * The clocks the library knows how to run (DESIGN.md section 2). What starts, meets and stops each is fixed
 * by the library; a {@link Profile} says which of them a case has, with what limit and warning window.
 * Immutable.
 *
 * @since 0.1
 */
public enum ClockId implements Obligation.Source {
    /** 转送/交办: route the petition; from its receipt (or from an objection). */
    ROUTING("转送/交办", Kind.DUTY),
    /** 告知: tell the petitioner; from the unit's receipt. */
    TELLING("告知", Kind.DUTY),
    /** 异议: the unit may object; from the unit's receipt. */
    OBJECTION("异议", Kind.WINDOW),
    /** 受理决定: decide on acceptance; from the unit's receipt (regional and simplified profiles). */
    ACCEPTANCE("受理决定", Kind.DUTY),
    /** 办理: conclude; from acceptance or reopening; extendable once. */
    HANDLING("办理", Kind.DUTY),
    /** 复查申请: the petitioner may ask for review; from the reply's service. */
    REVIEW_REQUEST("复查申请", Kind.WINDOW),
    /** 复查: give the review opinion; from the request's receipt. */
    REVIEW("复查", Kind.DUTY),
    /** 复核申请: the petitioner may ask for re-review; from the review opinion's service. */
    RE_REVIEW_REQUEST("复核申请", Kind.WINDOW),
    /** 复核: give the re-review opinion; from the request's receipt; hearings do not count. */
    RE_REVIEW("复核", Kind.DUTY),
    /** "1-2-3" first contact (电话联系); from the unit's receipt. */
    CONTACT("“1-2-3”电话联系", Kind.DUTY),
    /** "1-2-3" meeting (见面/走访); from the unit's receipt. */
    MEETING("“1-2-3”见面", Kind.DUTY),
    /** "1-2-3" conclusion or stage reply (阶段性答复); from the unit's receipt. */
    STAGE_REPLY("“1-2-3”办结或阶段性答复", Kind.DUTY);

    private final String chinese;
    private final Kind kind;

    ClockId(String chinese, Kind kind) {
        this.chinese = chinese;
        this.kind = kind;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public boolean isWindow() {
        return kind == Kind.WINDOW;
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
