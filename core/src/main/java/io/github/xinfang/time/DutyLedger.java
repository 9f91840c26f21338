package io.github.xinfang.time;

import io.github.xinfang.calendar.TimeLimit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The duties of a case whose due dates come from its facts (replacement, plan steps, batch targets, supervision
 * feedback), oldest first, kept as events are applied. Part of the case's state. Immutable: every method
 * returns a new ledger.
 *
 * @param duties every duty that was started, in the order it started
 * @since 0.2
 */
public record DutyLedger(List<DutyLedger.Duty> duties) {
    private static final DutyLedger EMPTY = new DutyLedger(List.of());

    /**
     * @throws NullPointerException if duties or an element is null
     * @throws IllegalArgumentException if a duty appears twice
     */
    public DutyLedger {
        duties = List.copyOf(Objects.requireNonNull(duties, "duties"));
        Set<DutyId> seen = new HashSet<>();
        for (DutyLedger.Duty d : duties) {
            if (!seen.add(d.id())) throw new IllegalArgumentException("duties: " + d.id() + " appears twice");
        }
    }

    /** @return a ledger without duties */
    public static DutyLedger empty() {
        return EMPTY;
    }

    /**
     * @param id a duty
     * @return it, if it was started
     */
    public Optional<DutyLedger.Duty> duty(DutyId id) {
        for (DutyLedger.Duty d : duties) if (d.id().equals(id)) return Optional.of(d);
        return Optional.empty();
    }

    /**
     * @param kind a kind
     * @return the open duties of that kind, oldest first
     */
    public List<DutyLedger.Duty> open(DutyId.Kind kind) {
        List<DutyLedger.Duty> out = new ArrayList<>();
        for (DutyLedger.Duty d : duties) if (d.id().kind() == kind && d.isOpen()) out.add(d);
        return out;
    }

    /**
     * @param kind a kind
     * @return how many duties of that kind were ever started
     */
    public int count(DutyId.Kind kind) {
        int n = 0;
        for (DutyLedger.Duty d : duties) if (d.id().kind() == kind) n++;
        return n;
    }

    /**
     * @param duty a new duty
     * @return the ledger with it
     * @throws IllegalArgumentException if a duty with its id was started before
     */
    public DutyLedger start(DutyLedger.Duty duty) {
        Objects.requireNonNull(duty, "duty");
        List<DutyLedger.Duty> out = new ArrayList<>(duties);
        out.add(duty);
        return new DutyLedger(out);
    }

    /**
     * @param id a duty
     * @param on the day it was met
     * @return the ledger with the duty met, if it was open
     */
    public DutyLedger meet(DutyId id, LocalDate on) {
        Objects.requireNonNull(on, "on");
        return map(id, d -> d.met(on));
    }

    /**
     * @param kind a kind
     * @param on the day they were met
     * @return the ledger with every open duty of that kind met
     */
    public DutyLedger meetAll(DutyId.Kind kind, LocalDate on) {
        Objects.requireNonNull(on, "on");
        List<DutyLedger.Duty> out = new ArrayList<>(duties.size());
        for (DutyLedger.Duty d : duties) out.add(d.id().kind() == kind && d.isOpen() ? d.met(on) : d);
        return new DutyLedger(out);
    }

    /**
     * @param kind a kind
     * @return the ledger with every open duty of that kind stopped
     */
    public DutyLedger stopAll(DutyId.Kind kind) {
        List<DutyLedger.Duty> out = new ArrayList<>(duties.size());
        for (DutyLedger.Duty d : duties) out.add(d.id().kind() == kind && d.isOpen() ? d.stop() : d);
        return new DutyLedger(out);
    }

    /**
     * Records that the sweep warned about, or recorded the breach of, a duty.
     *
     * @param id the duty
     * @param breach true for a breach, false for a warning
     * @return the ledger after it
     */
    public DutyLedger recordSweep(DutyId id, boolean breach) {
        List<DutyLedger.Duty> out = new ArrayList<>(duties.size());
        for (DutyLedger.Duty d : duties) out.add(d.id().equals(id) ? (breach ? d.breach() : d.warn()) : d);
        return new DutyLedger(out);
    }

    private DutyLedger map(DutyId id, java.util.function.UnaryOperator<DutyLedger.Duty> f) {
        Objects.requireNonNull(id, "id");
        List<DutyLedger.Duty> out = new ArrayList<>(duties.size());
        for (DutyLedger.Duty d : duties) out.add(d.id().equals(id) && d.isOpen() ? f.apply(d) : d);
        return new DutyLedger(out);
    }

    /**
     * One run of a duty clock whose due date comes from the case's facts: either a date the fact names (a plan
     * step's date, a batch's target date, a supervision's feedback date) or a limit counted from its start on the
     * case's calendar (the replacement of a package leader). Immutable.
     *
     * @param id which duty
     * @param startedOn the day it started
     * @param dueOn the last day, when the fact names it; null when {@code limit} gives it
     * @param limit the limit counted from {@code startedOn}, or null when {@code dueOn} is given
     * @param metOn the day it was met, or null
     * @param stopped whether it was stopped without being met
     * @param warned whether the sweep recorded its warning
     * @param breached whether the sweep recorded its breach
     * @since 0.2
     */
    public record Duty(DutyId id, LocalDate startedOn, LocalDate dueOn, TimeLimit limit, LocalDate metOn, boolean stopped,
                       boolean warned, boolean breached) {
        /**
         * @throws NullPointerException naming a required argument that is null
         * @throws IllegalArgumentException unless exactly one of dueOn and limit is given, or if met and stopped
         */
        public Duty {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(startedOn, "startedOn");
            if ((dueOn == null) == (limit == null)) throw new IllegalArgumentException("exactly one of dueOn and limit must be given");
            if (metOn != null && stopped) throw new IllegalArgumentException("a duty is not both met and stopped");
        }

        /**
         * @param id which duty
         * @param startedOn the day it starts
         * @param dueOn its last day
         * @return a running duty due on a named day
         */
        public static DutyLedger.Duty dueOn(DutyId id, LocalDate startedOn, LocalDate dueOn) {
            return new DutyLedger.Duty(id, startedOn, Objects.requireNonNull(dueOn, "dueOn"), null, null, false, false, false);
        }

        /**
         * @param id which duty
         * @param startedOn the day it starts
         * @param limit the limit counted from that day
         * @return a running duty due when the limit runs out
         */
        public static DutyLedger.Duty within(DutyId id, LocalDate startedOn, TimeLimit limit) {
            return new DutyLedger.Duty(id, startedOn, null, Objects.requireNonNull(limit, "limit"), null, false, false, false);
        }

        /** @return whether it is neither met nor stopped */
        public boolean isOpen() {
            return metOn == null && !stopped;
        }

        DutyLedger.Duty met(LocalDate on) {
            return new DutyLedger.Duty(id, startedOn, dueOn, limit, on, false, warned, breached);
        }

        DutyLedger.Duty stop() {
            return new DutyLedger.Duty(id, startedOn, dueOn, limit, null, true, warned, breached);
        }

        DutyLedger.Duty warn() {
            return new DutyLedger.Duty(id, startedOn, dueOn, limit, metOn, stopped, true, breached);
        }

        DutyLedger.Duty breach() {
            return new DutyLedger.Duty(id, startedOn, dueOn, limit, metOn, stopped, warned, true);
        }
    }
}
