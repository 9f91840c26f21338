package io.github.xinfang.time;

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
public record DutyLedger(List<Duty> duties) {
    private static final DutyLedger EMPTY = new DutyLedger(List.of());

    /**
     * @throws NullPointerException if duties or an element is null
     * @throws IllegalArgumentException if a duty appears twice
     */
    public DutyLedger {
        duties = List.copyOf(Objects.requireNonNull(duties, "duties"));
        Set<DutyId> seen = new HashSet<>();
        for (Duty d : duties) {
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
    public Optional<Duty> duty(DutyId id) {
        for (Duty d : duties) if (d.id().equals(id)) return Optional.of(d);
        return Optional.empty();
    }

    /**
     * @param kind a kind
     * @return the open duties of that kind, oldest first
     */
    public List<Duty> open(DutyId.Kind kind) {
        List<Duty> out = new ArrayList<>();
        for (Duty d : duties) if (d.id().kind() == kind && d.isOpen()) out.add(d);
        return out;
    }

    /**
     * @param kind a kind
     * @return how many duties of that kind were ever started
     */
    public int count(DutyId.Kind kind) {
        int n = 0;
        for (Duty d : duties) if (d.id().kind() == kind) n++;
        return n;
    }

    /**
     * @param duty a new duty
     * @return the ledger with it
     * @throws IllegalArgumentException if a duty with its id was started before
     */
    public DutyLedger start(Duty duty) {
        Objects.requireNonNull(duty, "duty");
        List<Duty> out = new ArrayList<>(duties);
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
        List<Duty> out = new ArrayList<>(duties.size());
        for (Duty d : duties) out.add(d.id().kind() == kind && d.isOpen() ? d.met(on) : d);
        return new DutyLedger(out);
    }

    /**
     * @param kind a kind
     * @return the ledger with every open duty of that kind stopped
     */
    public DutyLedger stopAll(DutyId.Kind kind) {
        List<Duty> out = new ArrayList<>(duties.size());
        for (Duty d : duties) out.add(d.id().kind() == kind && d.isOpen() ? d.stop() : d);
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
        List<Duty> out = new ArrayList<>(duties.size());
        for (Duty d : duties) out.add(d.id().equals(id) ? (breach ? d.breach() : d.warn()) : d);
        return new DutyLedger(out);
    }

    private DutyLedger map(DutyId id, java.util.function.UnaryOperator<Duty> f) {
        Objects.requireNonNull(id, "id");
        List<Duty> out = new ArrayList<>(duties.size());
        for (Duty d : duties) out.add(d.id().equals(id) && d.isOpen() ? f.apply(d) : d);
        return new DutyLedger(out);
    }
}
