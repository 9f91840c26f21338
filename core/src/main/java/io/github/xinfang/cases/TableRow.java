package io.github.xinfang.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a row of either lifecycle table has: its command, the command's Chinese name, its guards in order, and, inside
 * the package, the dates of the legal facts the command records and the event it emits ({@link RowBehaviour}).
 * Immutable.
 */
abstract class TableRow {
    private final String command;
    private final String chinese;
    private final Class<? extends CaseCommand> type;
    private final List<Guard<?>> guards;
    private final List<Guard<?>> checks;
    private final RowBehaviour<?> behaviour;

    /**
     * @param guards the row's own guards, typed to its command by the tables' row factories
     * @param actor the table's default that no accused party acts
     * @param dated the table's default on fact dates (run when the row records a dated fact)
     */
    TableRow(String command, String chinese, Class<? extends CaseCommand> type, List<? extends Guard<?>> guards,
             RowBehaviour<?> behaviour, Guard<?> actor, Guard<?> dated) {
        this.command = Objects.requireNonNull(command, "command");
        this.chinese = Objects.requireNonNull(chinese, "chinese");
        this.type = type;
        this.guards = List.copyOf(Objects.requireNonNull(guards, "guards"));
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
        this.checks = Guard.inOrder(this.guards, actor, behaviour.dated() ? dated : null);
    }

    /** @return the command's name (the simple name of its record) */
    public String command() {
        return command;
    }

    /** @return the command's Chinese name */
    public String chinese() {
        return chinese;
    }

    /** @return the command's record type */
    public Class<? extends CaseCommand> type() {
        return type;
    }

    /** @return its own guards, in the row's order (the table defaults are not listed: see {@link Guard}) */
    public List<Guard<?>> guards() {
        return guards;
    }

    /** @return every guard it runs, the table defaults included, in the order they run */
    public List<Guard<?>> checks() {
        return checks;
    }

    RowBehaviour<?> behaviour() {
        return behaviour;
    }

    /** @return the dates of the legal facts the command records */
    List<LocalDate> factDates(CaseCommand c) {
        return behaviour.factDates(c);
    }

    /** @return the field a refusal of those dates names */
    String factField() {
        return behaviour.factField();
    }

    /** @return whether the command emits an event of its own (ReassessEscalation's events are the escalation's) */
    boolean emits() {
        return behaviour.emitter() != null;
    }

    /** @return the event the command emits once its guards passed */
    CaseEvent emit(Emission emission, CaseCommand c) {
        return behaviour.emit(emission, c);
    }
}
