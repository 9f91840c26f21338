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
    private final Rejection.Code code;
    private final Stage stage;
    private final String field;
    private final String english;
    private final String chinese;

    private Rejection(Rejection.Code code, Stage stage, String field, String english, String chinese) {
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
    public static Rejection of(Rejection.Code code, Stage stage, String detailEn, String detailZh) {
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
    public static Rejection of(Rejection.Code code, Stage stage) {
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
        return new Rejection(Rejection.Code.VALIDATION, stage, field,
                Rejection.Code.VALIDATION.english() + ": " + field + ": " + problem,
                Rejection.Code.VALIDATION.chinese() + "：" + FieldNames.chinese(field) + (problemChinese.startsWith("第") ? "的" : "")
                        + problemChinese);
    }

    /** @return the machine-readable code */
    public Rejection.Code code() {
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

    /**
     * The stable, machine-readable reason a command was refused. Portals may switch on these; names never
     * change once released. Immutable.
     *
     * @since 0.1
     */
    public enum Code {
        /** The lifecycle table has no row for this command in the case's stage. */
        ILLEGAL_TRANSITION("the command is not allowed in this stage", "当前阶段不允许此操作"),
        /** A petitioner's window (review, re-review) has not opened yet. */
        WINDOW_NOT_OPEN("the window for this request has not opened", "申请期限尚未开始"),
        /** A window (objection, review, re-review) has lapsed. */
        WINDOW_EXPIRED("the window for this request has lapsed", "已超过申请期限"),
        /** The case's category does not allow this command or value. */
        NOT_APPLICABLE_TO_CATEGORY("not applicable to the case's category", "不适用于该类信访事项"),
        /** The command would let accusation materials reach an accused party (Art. 30(3)). */
        ACCUSED_PARTY("an accused party may not handle or see this case", "被反映对象不得经办或知悉该事项"),
        /** The approver is the one who proposed. */
        SAME_ACTOR("the approver must not be the proposer", "审核人不得为报结人"),
        /** The handling limit was already extended once. */
        EXTENSION_ALREADY_GRANTED("the handling limit was already extended", "办理期限已延长过"),
        /** The extension is longer than the profile allows. */
        EXTENSION_TOO_LONG("the extension is longer than allowed", "延长期限超过规定"),
        /** The actor may not approve this (e.g. an extension approver outside the handling unit). */
        NOT_AUTHORISED("the actor is not authorised for this command", "操作人无权办理此事项"),
        /** The case's profile does not provide for this (e.g. termination where the region has no such rule). */
        NOT_PROVIDED_BY_PROFILE("the case's profile does not provide for this", "该事项适用的时限方案未规定此项"),
        /** A register command named an existing case with another idempotency key. */
        CASE_EXISTS("a case with this id already exists", "该编号的信访事项已存在"),
        /** A command other than register named a case that does not exist. */
        CASE_NOT_FOUND("no case with this id", "未找到该信访事项"),
        /** The idempotency key was already used for a different command. */
        IDEMPOTENCY_MISMATCH("the idempotency key was used for a different command", "幂等键已用于其他操作"),
        /** Concurrent writers kept winning after the bounded retries. */
        VERSION_CONFLICT("the case kept changing concurrently; try again", "该事项正被并发修改，请重试"),
        /** The package leader's rank is below the rank the case requires (提级包案). */
        RANK_TOO_LOW("the leader's rank is below the required rank", "包案领导级别低于要求"),
        /** The case was merged into another (并案); the message names the surviving case. */
        MERGED_INTO("the case was merged into another case", "该事项已并入其他事项"),
        /** A field of the command is missing, blank, out of range, unknown or malformed. */
        VALIDATION("a field of the command is invalid", "操作字段无效");

        private final String english;
        private final String chinese;

        Code(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }

        /** @return the default English message */
        public String english() {
            return english;
        }

        /** @return the default Chinese message */
        public String chinese() {
            return chinese;
        }
    }
}
