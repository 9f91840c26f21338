package io.github.xinfang.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a table row does beyond its states and guards, typed to its command: the dates of the legal facts the command
 * records (checked against the case's earlier facts, a refusal naming {@code factField}) and the event it emits.
 *
 * @param type the command's record type
 * @param factField the field a refusal of the fact dates names, or null when the command records no dated fact
 * @param dates the dates of the legal facts the command records
 * @param emitter the event it emits once its guards passed, or null for a row whose events another rule decides
 */
record RowBehaviour<C extends CaseCommand>(Class<C> type, String factField, Function<C, List<LocalDate>> dates,
                                           BiFunction<Emission, C, CaseEvent> emitter) {
    /** @return whether the command records a dated legal fact (then the table's fact-date default runs) */
    boolean dated() {
        return factField != null;
    }

    List<LocalDate> factDates(CaseCommand c) {
        return dates.apply(type.cast(c));
    }

    CaseEvent emit(Emission emission, CaseCommand c) {
        if (emitter == null) throw new AssertionError(type.getSimpleName() + " emits no event of its own");
        return emitter.apply(emission, type.cast(c));
    }

    /** The dates of the legal facts a command records, and the field a refusal names. */
    record Dated<C extends CaseCommand>(String field, Function<C, List<LocalDate>> dates) {}

    /** A command that records one legal fact, on the date in {@code field}. */
    static <C extends CaseCommand> Dated<C> on(String field, Function<C, LocalDate> date) {
        return new Dated<>(field, c -> List.of(date.apply(c)));
    }

    /** A command that records no dated legal fact. */
    static <C extends CaseCommand> Dated<C> undated() {
        return new Dated<>(null, c -> List.of());
    }

    static <C extends CaseCommand> RowBehaviour<C> of(Class<C> type, Dated<C> dated, BiFunction<Emission, C, CaseEvent> emits) {
        return new RowBehaviour<>(type, dated.field(), dated.dates(), emits);
    }
}
