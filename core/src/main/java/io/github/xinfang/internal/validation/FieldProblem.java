package io.github.xinfang.internal.validation;

/**
 * Thrown inside the checks to stop at the first bad field; always caught and turned into a
 * {@code VALIDATION} rejection before it leaves the library. Carries the field's path, never its value.
 */
public final class FieldProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;
    private final String problemChinese;

    FieldProblem(String field, String problem, String problemChinese) {
        super(field + ": " + problem, null, false, false);
        this.field = field;
        this.problem = problem;
        this.problemChinese = problemChinese;
    }

    /** @return the field's path */
    public String field() {
        return field;
    }

    /** @return what is wrong, in English, without the value */
    public String problem() {
        return problem;
    }

    /** @return what is wrong, in Chinese, without the value */
    public String problemChinese() {
        return problemChinese;
    }
}
