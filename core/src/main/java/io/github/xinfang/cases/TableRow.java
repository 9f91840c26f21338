package io.github.xinfang.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a row of either lifecycle table has: its command, the command's Chinese name, its guards in order, and, inside
 * the package, the dates of the legal facts the command records and the event it emits ({@link RowBehaviour}).
 * Immutable.
 *
 * @param <G> the table's guards
 */
abstract class TableRow<G extends Enum<G>> {
    private final String command;
    private final String chinese;
    private final Class<? extends CaseCommand> type;
    private final List<G> guards;
    private final RowBehaviour<?> behaviour;

    TableRow(String command, String chinese, Class<? extends CaseCommand> type, List<G> guards, RowBehaviour<?> behaviour) {
        this.command = Objects.requireNonNull(command, "command");
        this.chinese = Objects.requireNonNull(chinese, "chinese");
        this.type = type;
        this.guards = List.copyOf(Objects.requireNonNull(guards, "guards"));
        this.behaviour = Objects.requireNonNull(behaviour, "behaviour");
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

    /** @return the guards it runs, in order */
    public List<G> guards() {
        return guards;
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
