package io.github.xinfang.cases;

/**
 * The level that issued a batch of backlog cases (上级交办), lowest first. Immutable.
 *
 * @since 0.2
 */
public enum IssuingLevel {
    /** 县级. */
    COUNTY("县级"),
    /** 市级. */
    CITY("市级"),
    /** 省级. */
    PROVINCE("省级"),
    /** 中央/国家信访局. */
    CENTRAL("中央");

    private final String chinese;

    IssuingLevel(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }

    /**
     * @param other another level
     * @return whether this level is the other or above it
     */
    public boolean isAtLeast(IssuingLevel other) {
        return compareTo(other) >= 0;
    }
}
