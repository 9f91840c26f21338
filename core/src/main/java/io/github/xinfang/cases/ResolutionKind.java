package io.github.xinfang.cases;

/**
 * The kind of a claimed resolution. Immutable.
 *
 * @since 0.2
 */
public enum ResolutionKind {
    /** 实体化解: the underlying problem was solved. */
    SUBSTANTIVE("实体化解"),
    /** 程序化解: the procedures were properly exhausted. */
    PROCEDURAL("程序化解");

    private final String chinese;

    ResolutionKind(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }
}
