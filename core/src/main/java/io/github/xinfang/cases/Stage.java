package io.github.xinfang.cases;

/**
 * The stage of a case on the procedure track (DESIGN.md section 5). Immutable.
 *
 * @since 0.1
 */
public enum Stage {
    /** 已登记. */
    REGISTERED("已登记", Kind.OPEN),
    /** 已交办/转送. */
    ROUTED("已交办", Kind.OPEN),
    /** 办理中 (accepted). */
    IN_HANDLING("办理中", Kind.OPEN),
    /** 待审核 (报结, waiting for approval). */
    PENDING_APPROVAL("待审核", Kind.OPEN),
    /** 已办结. */
    CONCLUDED("已办结", Kind.OPEN),
    /** 复查中. */
    UNDER_REVIEW("复查中", Kind.OPEN),
    /** 已复查. */
    REVIEWED("已复查", Kind.OPEN),
    /** 复核中. */
    UNDER_RE_REVIEW("复核中", Kind.OPEN),
    /** 复核终结: closed; the same facts are not accepted again. */
    FINAL("已复核", Kind.CLOSED),
    /** 已转出 to an organ outside the portal. */
    TRANSFERRED_OUT("已转出", Kind.TERMINAL),
    /** 已导入法定途径. */
    REDIRECTED("已导入法定途径", Kind.TERMINAL),
    /** 不予受理. */
    DECLINED("不予受理", Kind.TERMINAL),
    /** 已撤回. */
    WITHDRAWN("已撤回", Kind.TERMINAL),
    /** 已并案. */
    MERGED("已并案", Kind.TERMINAL),
    /** 已终结. */
    TERMINATED("已终结", Kind.TERMINAL);

    /** Whether a stage is open, closed or terminal. */
    public enum Kind {
        /** Work goes on. */
        OPEN,
        /** Closed: only the few commands the table lists still apply. */
        CLOSED,
        /** Terminal: the case has left the procedure. */
        TERMINAL
    }

    private final String chinese;
    private final Kind kind;

    Stage(String chinese, Kind kind) {
        this.chinese = chinese;
        this.kind = kind;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }

    /** @return open, closed or terminal */
    public Kind kind() {
        return kind;
    }

    /** @return whether the stage is terminal */
    public boolean isTerminal() {
        return kind == Kind.TERMINAL;
    }
}
