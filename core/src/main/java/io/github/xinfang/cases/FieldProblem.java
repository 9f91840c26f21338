package io.github.xinfang.cases;

/**
 * Thrown inside the checks to stop at the first bad field; always caught and turned into a
 * {@code VALIDATION} rejection before it leaves the library. Carries the field's path, never its value.
 */
final class FieldProblem extends Exception {
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
    String field() {
        return field;
    }

    /** @return what is wrong, in English, without the value */
    String problem() {
        return problem;
    }

    /** @return what is wrong, in Chinese, without the value */
    String problemChinese() {
        return problemChinese;
    }

    /**
     * @param stage the case's stage, or null
     * @return the {@code VALIDATION} rejection this problem stands for
     */
    Rejection rejection(Stage stage) {
        return Rejection.invalid(field, problem, problemChinese, stage);
    }
}
