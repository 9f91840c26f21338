package io.github.xinfang.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named rule a lifecycle table's row runs after the table allowed its command: the rule in English and Chinese and
 * the rejection codes it answers with when it says no. The guards are the constants of {@link LifecycleTable} and
 * {@link ResolutionTable}; each is typed to the commands it reads, so a guard on the row of another command does not
 * compile. Immutable and thread-safe.
 *
 * <p>When the guards run: a row's guards run in the order of their {@linkplain #phase() phase}, and in the row's
 * order within a phase; the table defaults (an accused party never acts; a fact is not dated before the case's earlier
 * facts) sit between the phases, so no row lists them: first the stage conditions, then who may act, then the default
 * {@code ACTOR_NOT_ACCUSED}, then the conditions under which the command applies at all, then the default
 * {@code FACT_NOT_BEFORE_EARLIER_FACTS} (on a row that records a dated fact), then the rules about the command's
 * content.
 *
 * @param <C> the commands the guard reads
 * @since 0.4
 */
public final class Guard<C extends CaseCommand> {

    /**
     * When a guard runs among a row's guards and the table defaults.
     *
     * @since 0.4
     */
    public enum Phase {
        /** A condition on the case's stage beyond the table's {@code from} column: runs first. */
        STAGE,
        /** Who may act: runs before the default {@code ACTOR_NOT_ACCUSED}. */
        WHO,
        /** Whether the command applies at all: runs after {@code ACTOR_NOT_ACCUSED}, before the fact-date default. */
        PRECONDITION,
        /** A rule about the command's content: runs after the fact-date default. */
        RULE
    }

    /** What a guard checks: null when the command passes, else the rejection (with one of the guard's codes). */
    @FunctionalInterface
    interface Check<C> {
        Rejection test(GuardInput in, C command);
    }

    private final String name;
    private final Phase phase;
    private final String rule;
    private final String ruleChinese;
    private final Set<Rejection.Code> codes;
    private final Check<? super C> check;

    private Guard(String name, Phase phase, String rule, String ruleChinese, Check<? super C> check, Rejection.Code first,
                  Rejection.Code... more) {
        this.name = Objects.requireNonNull(name, "name");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.ruleChinese = Objects.requireNonNull(ruleChinese, "ruleChinese");
        this.check = Objects.requireNonNull(check, "check");
        this.codes = Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    static <C extends CaseCommand> Guard<C> of(String name, Phase phase, String rule, String ruleChinese, Check<? super C> check,
                                               Rejection.Code first, Rejection.Code... more) {
        return new Guard<>(name, phase, rule, ruleChinese, check, first, more);
    }

    /** @return the constant's name, e.g. {@code EXTENSION_WITHIN_MAXIMUM} */
    public String name() {
        return name;
    }

    /** @return when it runs among a row's guards and the table defaults */
    public Phase phase() {
        return phase;
    }

    /** @return the rule in English, one sentence */
    public String rule() {
        return rule;
    }

    /** @return the rule in Chinese */
    public String ruleChinese() {
        return ruleChinese;
    }

    /** @return the rejection codes this guard answers with when it says no */
    public Set<Rejection.Code> codes() {
        return codes;
    }

    /**
     * Runs the guard on a command of its row (the row's type guarantees the command is a {@code C}).
     *
     * @return the rejection, or null when the guard passes
     */
    @SuppressWarnings("unchecked")
    Rejection test(GuardInput in, CaseCommand command) {
        Rejection r = ((Check<CaseCommand>) check).test(in, command);
        assert r == null || codes.contains(r.code()) : name + " answered " + r.code() + ", not one of " + codes;
        return r;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * A row's guards in the order they run: its own by phase (stable within a phase) with the table's defaults between
     * the phases.
     *
     * @param own the row's own guards, in the row's order
     * @param actor the table's default that no accused party acts
     * @param dated the table's default on fact dates, or null when the row records no dated fact
     */
    static List<Guard<?>> inOrder(List<? extends Guard<?>> own, Guard<?> actor, Guard<?> dated) {
        List<Guard<?>> all = new ArrayList<>(own.size() + 2);
        for (Phase p : Phase.values()) {
            if (p == Phase.PRECONDITION) all.add(actor);
            if (p == Phase.RULE && dated != null) all.add(dated);
            for (Guard<?> g : own) if (g.phase == p) all.add(g);
        }
        return List.copyOf(all);
    }

    /** Appends a guards section (name, codes, rule in English and Chinese) to a table's markdown. */
    static void appendMarkdown(StringBuilder sb, String title, List<? extends Guard<?>> guards) {
        sb.append("\n## ").append(title).append("\n\n");
        sb.append("| guard | runs | rejection codes | rule | 规则 |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Guard<?> g : guards) {
            List<String> codes = new ArrayList<>();
            for (Rejection.Code c : g.codes()) codes.add("`" + c.name() + "`");
            sb.append("| ").append(g.name()).append(" | ").append(g.phase().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(String.join(", ", codes)).append(" | ")
                    .append(g.rule()).append(" | ").append(g.ruleChinese()).append(" |\n");
        }
    }
}
