package io.github.xinfang.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What each table's guards say of themselves: the rule in both languages and the codes it answers with. */
interface GuardText {
    /** @return the guard's constant name */
    String name();

    /** @return the rule in English */
    String rule();

    /** @return the rule in Chinese */
    String ruleChinese();

    /** @return the rejection codes the guard answers with */
    Set<RejectionCode> codes();

    /** Appends a guards section (name, codes, rule in English and Chinese) to a table's markdown. */
    static void appendMarkdown(StringBuilder sb, String title, GuardText[] guards) {
        sb.append("\n## ").append(title).append("\n\n");
        sb.append("| guard | rejection codes | rule | 规则 |\n");
        sb.append("|---|---|---|---|\n");
        for (GuardText g : guards) {
            List<String> codes = new ArrayList<>();
            for (RejectionCode c : g.codes()) codes.add("`" + c.name() + "`");
            sb.append("| ").append(g.name()).append(" | ").append(String.join(", ", codes)).append(" | ")
                    .append(g.rule()).append(" | ").append(g.ruleChinese()).append(" |\n");
        }
    }
}
