package io.github.xinfang.cases;

/**
 * How far a repeat petition went past the level that should handle it, lowest first (越级/进京). Immutable.
 *
 * @since 0.2
 */
public enum SkippedLevel {
    /** Petitioned at the proper level. */
    NONE("未越级"),
    /** 越级: petitioned a level above the one that should handle it. */
    SKIPPED_LEVEL("越级"),
    /** 进京: petitioned in Beijing. */
    TO_BEIJING("进京");

    private final String chinese;

    SkippedLevel(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }

    /**
     * @param other another level
     * @return whether this one went at least as far
     */
    public boolean isAtLeast(SkippedLevel other) {
        return compareTo(other) >= 0;
    }
}
