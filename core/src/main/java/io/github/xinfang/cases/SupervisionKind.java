package io.github.xinfang.cases;

/**
 * The kinds of supervision a higher office issues on a case (DESIGN.md section 5). Immutable.
 *
 * @since 0.2
 */
public enum SupervisionKind {
    /** 督办: supervision of the handling. */
    SUPERVISION("督办"),
    /** 提醒函: a reminder letter. */
    REMINDER("提醒函"),
    /** 问责建议函: a letter proposing accountability. */
    ACCOUNTABILITY_PROPOSAL("问责建议函"),
    /** 挂牌督办: listed supervision, the strongest form. */
    LISTED("挂牌督办");

    private final String chinese;

    SupervisionKind(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }
}
