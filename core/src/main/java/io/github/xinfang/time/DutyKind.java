package io.github.xinfang.time;

/**
 * The kinds of duty clocks whose due dates come from the case's own facts rather than from a profile: the
 * resolution track's and supervision's duties (DESIGN.md section 2 and 5). Immutable.
 *
 * @since 0.2
 */
public enum DutyKind {
    /** Replace a package leader whose rank fell below a raised requirement (提级包案); from the rise. */
    REPLACEMENT("更换包案领导"),
    /** Carry out one step of the plan in force (化解方案步骤); due on the step's date. */
    PLAN_STEP("化解方案步骤"),
    /** Clear the case by a batch's target date (交办批次目标); met by approval of the resolution. */
    BATCH_TARGET("交办批次目标"),
    /** Give written feedback on a supervision (督办反馈); due on the date the supervision sets. */
    SUPERVISION_FEEDBACK("督办反馈");

    private final String chinese;

    DutyKind(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }
}
