package io.github.xinfang.cases;

import java.util.Objects;
import java.util.Optional;

/**
 * A business rule saying no: a stable code, the stage the case was in (when known), the field at fault
 * (for {@code VALIDATION}), and a message in English and Chinese. Messages never contain personal data.
 * Immutable.
 *
 * @since 0.1
 */
public final class Rejection {
    private final RejectionCode code;
    private final Stage stage;
    private final String field;
    private final String english;
    private final String chinese;

    private Rejection(RejectionCode code, Stage stage, String field, String english, String chinese) {
        this.code = code;
        this.stage = stage;
        this.field = field;
        this.english = english;
        this.chinese = chinese;
    }

    /**
     * A rejection with the code's default messages and an optional detail.
     *
     * @param code the code
     * @param stage the stage the case was in, or null if none was loaded
     * @param detailEn a detail appended to the English message, or null
     * @param detailZh a detail appended to the Chinese message, or null
     * @return the rejection
     */
    public static Rejection of(RejectionCode code, Stage stage, String detailEn, String detailZh) {
        Objects.requireNonNull(code, "code");
        return new Rejection(code, stage, null,
                detailEn == null ? code.english() : code.english() + ": " + detailEn,
                detailZh == null ? code.chinese() : code.chinese() + "：" + detailZh);
    }

    /**
     * @param code the code
     * @param stage the stage, or null
     * @return a rejection with the code's default messages
     */
    public static Rejection of(RejectionCode code, Stage stage) {
        return of(code, stage, null, null);
    }

    /**
     * A {@code VALIDATION} rejection naming a field: the English message names the field's path, the Chinese one
     * its Chinese name (信访事项的行政区划代码), each followed by what is wrong in that language.
     *
     * @param field the field's path (e.g. {@code petition.petitioners[0].phone})
     * @param problem what is wrong, in English, without the value
     * @param problemChinese what is wrong, in Chinese, without the value
     * @param stage the stage, or null
     * @return the rejection
     * @since 0.3
     */
    public static Rejection invalid(String field, String problem, String problemChinese, Stage stage) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(problemChinese, "problemChinese");
        return new Rejection(RejectionCode.VALIDATION, stage, field,
                RejectionCode.VALIDATION.english() + ": " + field + ": " + problem,
                RejectionCode.VALIDATION.chinese() + "：" + FieldNames.chinese(field) + (problemChinese.startsWith("第") ? "的" : "")
                        + problemChinese);
    }

    /** @return the machine-readable code */
    public RejectionCode code() {
        return code;
    }

    /** @return the stage the case was in, if a case was loaded */
    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }

    /** @return the field at fault, for {@code VALIDATION} */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** @return the message in English */
    public String messageEnglish() {
        return english;
    }

    /** @return the message in Chinese */
    public String messageChinese() {
        return chinese;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rejection r && code == r.code && stage == r.stage && Objects.equals(field, r.field)
                && english.equals(r.english) && chinese.equals(r.chinese);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, stage, field, english);
    }

    @Override
    public String toString() {
        return "Rejection[" + code + (stage == null ? "" : " in " + stage) + (field == null ? "" : " at " + field)
                + ": " + english + "]";
    }
}
