package io.github.xinfang.cases;

/**
 * The petitioner's rating at a follow-up visit (回访). Immutable.
 *
 * @since 0.2
 */
public enum Satisfaction {
    /** 满意. */
    SATISFIED("满意"),
    /** 基本满意. */
    BASICALLY_SATISFIED("基本满意"),
    /** 不满意. */
    DISSATISFIED("不满意");

    private final String chinese;

    Satisfaction(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }
}
