package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Obligation.ClockId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clock table: one row per clock, a profile clock ({@link ClockId}: a duty or a window) or a kind of duty from the
 * case's own facts ({@link DutyId.Kind}), saying which dated facts start it, meet it, stop it, pause and resume it, and
 * extend it (DESIGN.md section 2). {@link Obligations#apply} reads nothing else; {@code docs/clocks.md} is rendered from
 * it and a test fails when the two differ. A table default stands for every profile clock's row: {@link Fact#ENDED}
 * stops every open profile clock. It stops no duty: a terminal case still owes supervision feedback, and the
 * resolution track's duties end by that track's own facts ({@link Fact#RESOLUTION_APPROVED}). A duty starts with the date its fact names ({@link Obligations#start}); a fact that
 * acts on one named duty (a plan step, a supervision) rather than on every open duty of its kind is marked so and
 * applied with {@link Obligations#meet}. No fact does two things to one clock, except that a fact may stop the duties
 * of a kind in force and start new ones (a new plan replaces the old plan's steps). Immutable.
 */
final class ClockTable {
    /** What a fact does to a clock. */
    enum Action {
        START, MEET, STOP, PAUSE, RESUME, EXTEND;

        String column() {
            return switch (this) {
                case START -> "starts on";
                case MEET -> "met by";
                case STOP -> "stopped by";
                case PAUSE -> "paused by";
                case RESUME -> "resumed by";
                case EXTEND -> "extended by";
            };
        }
    }

    /**
     * One clock's row: for each action, the facts that do it.
     *
     * @param clock the profile clock, or null for a row of duties
     * @param duty the kind of duty, or null for a profile clock
     * @param facts for each action, the facts that do it
     * @param named the facts that act on the one duty they name rather than on every open duty of the kind
     * @param byFact what each fact does to this clock ({@link #action}), derived from {@code facts} (the argument is
     *     ignored): looked up at every fact of every case, so computed once
     */
    record Row(ClockId clock, DutyId.Kind duty, Map<Action, Set<Fact>> facts, Set<Fact> named, Map<Fact, Action> byFact) {
        Row(ClockId clock, DutyId.Kind duty, Map<Action, Set<Fact>> facts, Set<Fact> named) {
            this(clock, duty, facts, named, null);
        }

        Row {
            if ((clock == null) == (duty == null)) throw new IllegalArgumentException("a row is a profile clock's or a duty's");
            Map<Action, Set<Fact>> m = new EnumMap<>(Action.class);
            for (Action a : Action.values()) {
                Set<Fact> f = EnumSet.noneOf(Fact.class);
                f.addAll(facts.getOrDefault(a, Set.of()));
                m.put(a, Collections.unmodifiableSet(f));
            }
            facts = Collections.unmodifiableMap(m);
            Set<Fact> n = EnumSet.noneOf(Fact.class);
            n.addAll(named);
            named = Collections.unmodifiableSet(n);
            Map<Fact, Action> actions = new EnumMap<>(Fact.class);
            for (Fact fact : Fact.values()) {
                Action found = fact == Fact.ENDED && clock != null ? Action.STOP : null;
                if (found == null) {
                    for (Map.Entry<Action, Set<Fact>> e : facts.entrySet()) {
                        if (e.getValue().contains(fact) && (found == null || found == Action.START)) found = e.getKey();
                    }
                }
                if (found != null) actions.put(fact, found);
            }
            byFact = Collections.unmodifiableMap(actions);
        }

        /** @return the row's name: the clock's or the duty kind's */
        String name() {
            return clock != null ? clock.name() : duty.name();
        }

        /** @return the row's Chinese name */
        String chinese() {
            return clock != null ? clock.chinese() : duty.chinese();
        }

        /** @return whether an obligation is this row's: a run of its clock, or a duty of its kind */
        boolean covers(Obligation o) {
            return clock != null ? o.source() == clock : o.source() instanceof DutyId d && d.kind() == duty;
        }

        /** @return what a fact does to this clock, or null for nothing (a fact that stops and starts duties: stop) */
        Action action(Fact fact) {
            return byFact.get(fact);
        }
    }

    private static final List<Row> ROWS = List.of(
            clock(ClockId.ROUTING, Map.of(
                    Action.START, Set.of(Fact.RECEIVED, Fact.OBJECTED),
                    Action.MEET, Set.of(Fact.ROUTED, Fact.TRANSFERRED_OUT, Fact.REDIRECTED, Fact.DECLINED))),
            clock(ClockId.TELLING, Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.INFORMED, Fact.REDIRECTED, Fact.DECLINED),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            clock(ClockId.OBJECTION, Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.OBJECTED),
                    Action.STOP, Set.of(Fact.ACCEPTED))),
            clock(ClockId.ACCEPTANCE, Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.ACCEPTED, Fact.REDIRECTED, Fact.DECLINED),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            clock(ClockId.HANDLING, Map.of(
                    Action.START, Set.of(Fact.ACCEPTED, Fact.REOPENED),
                    Action.MEET, Set.of(Fact.CONCLUSION_APPROVED),
                    Action.EXTEND, Set.of(Fact.EXTENDED))),
            clock(ClockId.REVIEW_REQUEST, Map.of(
                    Action.START, Set.of(Fact.REPLY_SERVED),
                    Action.MEET, Set.of(Fact.REVIEW_REQUESTED),
                    Action.STOP, Set.of(Fact.REOPENED))),
            clock(ClockId.REVIEW, Map.of(
                    Action.START, Set.of(Fact.REVIEW_REQUESTED),
                    Action.MEET, Set.of(Fact.REVIEW_CONCLUDED))),
            clock(ClockId.RE_REVIEW_REQUEST, Map.of(
                    Action.START, Set.of(Fact.REVIEW_OPINION_SERVED),
                    Action.MEET, Set.of(Fact.RE_REVIEW_REQUESTED),
                    Action.STOP, Set.of(Fact.REOPENED))),
            clock(ClockId.RE_REVIEW, Map.of(
                    Action.START, Set.of(Fact.RE_REVIEW_REQUESTED),
                    Action.MEET, Set.of(Fact.RE_REVIEW_CONCLUDED),
                    Action.PAUSE, Set.of(Fact.HEARING_OPENED),
                    Action.RESUME, Set.of(Fact.HEARING_CLOSED))),
            clock(ClockId.CONTACT, Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.CONTACTED_BY_PHONE, Fact.MET_IN_PERSON),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            clock(ClockId.MEETING, Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.MET_IN_PERSON),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            clock(ClockId.STAGE_REPLY, Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.STAGE_REPLY_GIVEN, Fact.CONCLUSION_APPROVED),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            duty(DutyId.Kind.REPLACEMENT, Map.of(
                    Action.START, Set.of(Fact.REPLACEMENT_STARTED),
                    Action.MEET, Set.of(Fact.PACKAGE_LEADER_REPLACED),
                    Action.STOP, Set.of(Fact.RESOLUTION_APPROVED)), Set.of()),
            duty(DutyId.Kind.PLAN_STEP, Map.of(
                    Action.START, Set.of(Fact.PLAN_RECORDED),
                    Action.MEET, Set.of(Fact.PLAN_STEP_DONE),
                    Action.STOP, Set.of(Fact.PLAN_RECORDED, Fact.RESOLUTION_APPROVED)), Set.of(Fact.PLAN_STEP_DONE)),
            duty(DutyId.Kind.BATCH_TARGET, Map.of(
                    Action.START, Set.of(Fact.BATCH_ENROLLED),
                    Action.MEET, Set.of(Fact.RESOLUTION_APPROVED)), Set.of()),
            duty(DutyId.Kind.SUPERVISION_FEEDBACK, Map.of(
                    Action.START, Set.of(Fact.SUPERVISION_ISSUED),
                    Action.MEET, Set.of(Fact.SUPERVISION_FEEDBACK_GIVEN)), Set.of(Fact.SUPERVISION_FEEDBACK_GIVEN)));

    private ClockTable() {}

    private static Row clock(ClockId clock, Map<Action, Set<Fact>> facts) {
        return checked(new Row(clock, null, facts, Set.of()));
    }

    private static Row duty(DutyId.Kind duty, Map<Action, Set<Fact>> facts, Set<Fact> named) {
        for (Action a : List.of(Action.PAUSE, Action.RESUME, Action.EXTEND)) {
            if (facts.containsKey(a)) throw new IllegalStateException(duty + ": a duty is not " + a.column());
        }
        return checked(new Row(null, duty, facts, named));
    }

    /** No fact does two things to one clock; a duty's fact may stop the duties in force and start new ones. */
    private static Row checked(Row row) {
        for (Fact f : Fact.values()) {
            int actions = 0;
            for (Map.Entry<Action, Set<Fact>> e : row.facts().entrySet()) {
                if (e.getValue().contains(f) && !(row.duty() != null && e.getKey() == Action.START)) actions++;
            }
            if (actions > 1) throw new IllegalStateException(row.name() + ": " + f + " does two things");
        }
        return row;
    }

    /** @return the rows: the profile clocks in {@link ClockId} order, then the duties in {@link DutyId.Kind} order */
    static List<Row> rows() {
        return ROWS;
    }

    /** @return the table as Markdown, with the table default */
    static String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Clocks\n\n");
        sb.append("Generated from the clock table (`ClockTable` in `io.github.xinfang.time`); a test fails when the two ");
        sb.append("differ. Every row is one kind of obligation (`Obligation`): a profile clock, whose limit, way of counting ");
        sb.append("days and warning window a profile gives, or a duty from the case's own facts, whose due date the fact names ");
        sb.append("(a plan step's date, a batch's target, a supervision's feedback date) or counts from its start (a raised ");
        sb.append("rank's replacement). The table says which dated facts move each; one status function and one deadline ");
        sb.append("sweep serve them all. `ENDED` (withdrawn, terminated, merged) stops every open profile clock, and no duty: ");
        sb.append("a terminal case still owes supervision feedback (DESIGN.md section 5: a terminal stage takes supervision ");
        sb.append("feedback), and the resolution track runs beside the procedure, so its duties end by its own facts ");
        sb.append("(`RESOLUTION_APPROVED`: a withdrawn backlog case is closed on that track by a claim, e.g. procedural). ");
        sb.append("A duty is met ");
        sb.append("by doing it; a window is met by using it and lapses, never falls overdue. A fact marked *(one)* acts on ");
        sb.append("the one duty it names, not on every open duty of the row.\n\n");
        sb.append("| clock | 中文 | kind | due date from");
        for (Action a : Action.values()) sb.append(" | ").append(a.column());
        sb.append(" |\n|---|---|---|---");
        for (Action a : Action.values()) sb.append("|---");
        sb.append("|\n");
        for (Row r : ROWS) {
            sb.append("| ").append(r.name()).append(" | ").append(r.chinese()).append(" | ")
                    .append(r.clock() != null && r.clock().isWindow() ? "window" : "duty").append(" | ")
                    .append(r.clock() != null ? "profile" : "the fact");
            for (Action a : Action.values()) {
                List<String> names = new ArrayList<>();
                for (Fact f : r.facts().get(a)) names.add(r.named().contains(f) ? f.name() + " *(one)*" : f.name());
                sb.append(" | ").append(String.join(", ", names));
            }
            sb.append(" |\n");
        }
        return sb.toString();
    }
}
