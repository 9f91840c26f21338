package io.github.xinfang.petition;

/**
 * The type of a petition under the 2022 《信访工作条例》 (Art. 29 to 31). Immutable.
 *
 * @since 0.1
 */
public enum Category {
    /** 建议意见类 (Art. 29): suggestions and opinions. */
    SUGGESTION("建议意见类"),
    /** 检举控告类 (Art. 30): accusations against units or officials. */
    ACCUSATION("检举控告类"),
    /** 申诉求决类 (Art. 31): claims and complaints; the only category with review, re-review and Art. 32 outcomes. */
    CLAIM("申诉求决类");

    private final String chinese;

    Category(String chinese) {
        this.chinese = chinese;
    }

    /** @return the Chinese name */
    public String chinese() {
        return chinese;
    }
}
