package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Obligation.ClockId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The time limits a case is held to, kept up to date as its events are applied (DESIGN.md section 2, "Stopping"): the
 * latest run of each profile clock and every duty started from the case's facts. Part of the case's state, so due
 * dates are computed from the history without replaying it. What each dated fact does to them is the clock table's
 * ({@code docs/clocks.md}); {@link #apply} reads nothing else, and {@link #start} and {@link #meet} take the one duty a
 * fact names (its due date or step comes with the fact). Immutable: every method returns a new ledger.
 *
 * @param runs the latest run of each profile clock that has run, in {@link ClockId} order, then the duties in the order
 *     they started
 * @since 0.4
 */
public record Obligations(List<Obligation> runs) {
    private static final Obligations EMPTY = new Obligations(List.of());

    /**
     * @throws NullPointerException if runs or an element is null
     * @throws IllegalArgumentException if a profile clock or a duty appears twice
     */
    public Obligations {
        Objects.requireNonNull(runs, "runs");
        Map<ClockId, Obligation> clocks = new EnumMap<>(ClockId.class);
        List<Obligation> all = new ArrayList<>(runs.size());
        Set<DutyId> duties = new HashSet<>();
        for (Obligation o : runs) {
            Objects.requireNonNull(o, "runs element");
            boolean fresh = o.source() instanceof ClockId c ? clocks.put(c, o) == null : duties.add((DutyId) o.source());
            if (!fresh) throw new IllegalArgumentException("runs: " + o.source() + " appears twice");
        }
        all.addAll(clocks.values());
        for (Obligation o : runs) if (o.source() instanceof DutyId) all.add(o);
        runs = List.copyOf(all);
    }

    /** @return a ledger with nothing in it */
    public static Obligations empty() {
        return EMPTY;
    }

    /**
     * @param source a profile clock or a duty
     * @return the clock's latest run, or the duty, if it was started
     */
    public Optional<Obligation> of(Obligation.Source source) {
        Objects.requireNonNull(source, "source");
        for (Obligation o : runs) if (o.source().equals(source)) return Optional.of(o);
        return Optional.empty();
    }

    /**
     * @param kind a kind of duty
     * @return the open duties of that kind, oldest first
     */
    public List<Obligation> open(DutyId.Kind kind) {
        List<Obligation> out = new ArrayList<>();
        for (Obligation o : runs) if (o.source() instanceof DutyId d && d.kind() == kind && o.isOpen()) out.add(o);
        return out;
    }

    /**
     * @param kind a kind of duty
     * @return how many duties of that kind were ever started
     */
    public int count(DutyId.Kind kind) {
        int n = 0;
        for (Obligation o : runs) if (o.source() instanceof DutyId d && d.kind() == kind) n++;
        return n;
    }

    /**
     * Applies a dated fact as the clock table says: starts, meets, stops, pauses, resumes or extends the profile clocks,
     * and meets or stops every open duty of a kind. A duty's own start and the meeting of one named duty (a plan step,
     * a supervision's feedback) carry what the table cannot know: {@link #start} and {@link #meet} do them.
     *
     * @param fact the fact
     * @param on its date
     * @param days the extension in days, for {@link Fact#EXTENDED} (ignored otherwise)
     * @return the ledger after the fact
     */
    public Obligations apply(Fact fact, LocalDate on, int days) {
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(on, "on");
        Map<ClockId, Obligation> clocks = new EnumMap<>(ClockId.class);
        List<Obligation> duties = new ArrayList<>();
        for (Obligation o : runs) {
            if (o.source() instanceof ClockId c) clocks.put(c, o);
            else duties.add(o);
        }
        for (ClockTable.Row row : ClockTable.rows()) {
            ClockTable.Action action = row.action(fact);
            if (action == null) continue;
            ClockId c = row.clock();
            if (c == null) {
                if (action == ClockTable.Action.START || row.named().contains(fact)) continue;
                duties.replaceAll(d -> row.covers(d) && d.isOpen() ? (action == ClockTable.Action.MEET ? d.met(on) : d.stop()) : d);
                continue;
            }
            switch (action) {
                case START -> {
                    Obligation old = clocks.get(c);
                    clocks.put(c, Obligation.clock(c, old == null ? 1 : old.round() + 1, on));
                }
                case MEET -> clocks.computeIfPresent(c, (k, r) -> r.isOpen() ? r.met(on) : r);
                case STOP -> clocks.computeIfPresent(c, (k, r) -> r.isOpen() ? r.stop() : r);
                case PAUSE -> clocks.computeIfPresent(c, (k, r) -> r.isOpen() && r.pausedSince() == null ? r.pause(on) : r);
                case RESUME -> clocks.computeIfPresent(c, (k, r) -> r.isOpen() && r.pausedSince() != null ? r.resume(on) : r);
                case EXTEND -> clocks.computeIfPresent(c, (k, r) -> r.isOpen() ? r.extend(days) : r);
                default -> throw new AssertionError("unhandled action " + action);
            }
        }
        List<Obligation> out = new ArrayList<>(clocks.values());
        out.addAll(duties);
        return new Obligations(out);
    }

    /**
     * Starts a duty whose fact names its due date or limit (the table's "starts on" column of a duty).
     *
     * @param duty a new duty
     * @return the ledger with it
     * @throws IllegalArgumentException if it is a profile clock, or a duty with its id was started before
     */
    public Obligations start(Obligation duty) {
        Objects.requireNonNull(duty, "duty");
        if (!(duty.source() instanceof DutyId)) throw new IllegalArgumentException("duty: a profile clock starts by apply");
        List<Obligation> out = new ArrayList<>(runs);
        out.add(duty);
        return new Obligations(out);
    }

    /**
     * Meets the one duty a fact names (a plan step done, a supervision's feedback given), if it is open.
     *
     * @param id a duty
     * @param on the day it was met
     * @return the ledger after it
     */
    public Obligations meet(DutyId id, LocalDate on) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(on, "on");
        return map(id, o -> o.isOpen() ? o.met(on) : o);
    }

    /**
     * Records that the sweep warned about, or recorded the breach or lapse of, a clock's latest run or a duty.
     *
     * @param source the clock or duty
     * @param breach true for a breach or lapse, false for a warning
     * @return the ledger after it
     */
    public Obligations recordSweep(Obligation.Source source, boolean breach) {
        return map(Objects.requireNonNull(source, "source"), o -> o.swept(breach));
    }

    /**
     * Moves the start of a profile clock's run to a corrected date (a corrected receipt date), keeping the rest.
     *
     * @param clock the clock
     * @param round the run to correct
     * @param on the corrected start
     * @return the ledger after the correction
     */
    public Obligations correctStart(ClockId clock, int round, LocalDate on) {
        Objects.requireNonNull(on, "on");
        return map(Objects.requireNonNull(clock, "clock"), o -> o.round() == round ? o.startedOn(on) : o);
    }

    private Obligations map(Obligation.Source source, java.util.function.UnaryOperator<Obligation> f) {
        List<Obligation> out = new ArrayList<>(runs.size());
        for (Obligation o : runs) out.add(o.source().equals(source) ? f.apply(o) : o);
        return new Obligations(out);
    }
}
