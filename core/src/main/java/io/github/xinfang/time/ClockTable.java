package io.github.xinfang.time;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The clock table: one row per clock, saying which dated facts start it, meet it, stop it, pause and resume it, and
 * extend it (DESIGN.md section 2). {@link ClockLedger#apply} reads nothing else; {@code docs/clocks.md} is rendered
 * from it and a test fails when the two differ. A table default stands for every row: {@link Fact#ENDED} stops every
 * open clock. No fact does two things to one clock. Immutable.
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

    /** One clock's row: for each action, the facts that do it. */
    record Row(ClockId clock, String chinese, Map<Action, Set<Fact>> facts) {
        Row {
            Map<Action, Set<Fact>> m = new EnumMap<>(Action.class);
            for (Action a : Action.values()) {
                Set<Fact> f = EnumSet.noneOf(Fact.class);
                f.addAll(facts.getOrDefault(a, Set.of()));
                m.put(a, Collections.unmodifiableSet(f));
            }
            facts = Collections.unmodifiableMap(m);
        }

        /** @return what a fact does to this clock, or null for nothing */
        Action action(Fact fact) {
            if (fact == Fact.ENDED) return Action.STOP;
            for (Map.Entry<Action, Set<Fact>> e : facts.entrySet()) if (e.getValue().contains(fact)) return e.getKey();
            return null;
        }
    }

    private static final List<Row> ROWS = List.of(
            row(ClockId.ROUTING, "转送/交办", Map.of(
                    Action.START, Set.of(Fact.RECEIVED, Fact.OBJECTED),
                    Action.MEET, Set.of(Fact.ROUTED, Fact.TRANSFERRED_OUT, Fact.REDIRECTED, Fact.DECLINED))),
            row(ClockId.TELLING, "告知", Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.INFORMED, Fact.REDIRECTED, Fact.DECLINED),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            row(ClockId.OBJECTION, "异议", Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.OBJECTED),
                    Action.STOP, Set.of(Fact.ACCEPTED))),
            row(ClockId.ACCEPTANCE, "受理决定", Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.ACCEPTED, Fact.REDIRECTED, Fact.DECLINED),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            row(ClockId.HANDLING, "办理", Map.of(
                    Action.START, Set.of(Fact.ACCEPTED, Fact.REOPENED),
                    Action.MEET, Set.of(Fact.CONCLUSION_APPROVED),
                    Action.EXTEND, Set.of(Fact.EXTENDED))),
            row(ClockId.REVIEW_REQUEST, "复查申请", Map.of(
                    Action.START, Set.of(Fact.REPLY_SERVED),
                    Action.MEET, Set.of(Fact.REVIEW_REQUESTED),
                    Action.STOP, Set.of(Fact.REOPENED))),
            row(ClockId.REVIEW, "复查", Map.of(
                    Action.START, Set.of(Fact.REVIEW_REQUESTED),
                    Action.MEET, Set.of(Fact.REVIEW_CONCLUDED))),
            row(ClockId.RE_REVIEW_REQUEST, "复核申请", Map.of(
                    Action.START, Set.of(Fact.REVIEW_OPINION_SERVED),
                    Action.MEET, Set.of(Fact.RE_REVIEW_REQUESTED),
                    Action.STOP, Set.of(Fact.REOPENED))),
            row(ClockId.RE_REVIEW, "复核", Map.of(
                    Action.START, Set.of(Fact.RE_REVIEW_REQUESTED),
                    Action.MEET, Set.of(Fact.RE_REVIEW_CONCLUDED),
                    Action.PAUSE, Set.of(Fact.HEARING_OPENED),
                    Action.RESUME, Set.of(Fact.HEARING_CLOSED))),
            row(ClockId.CONTACT, "“1-2-3”电话联系", Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.CONTACTED_BY_PHONE, Fact.MET_IN_PERSON),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            row(ClockId.MEETING, "“1-2-3”见面", Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.MET_IN_PERSON),
                    Action.STOP, Set.of(Fact.OBJECTED))),
            row(ClockId.STAGE_REPLY, "“1-2-3”办结或阶段性答复", Map.of(
                    Action.START, Set.of(Fact.ROUTED),
                    Action.MEET, Set.of(Fact.STAGE_REPLY_GIVEN, Fact.CONCLUSION_APPROVED),
                    Action.STOP, Set.of(Fact.OBJECTED))));

    private ClockTable() {}

    private static Row row(ClockId clock, String chinese, Map<Action, Set<Fact>> facts) {
        for (Fact f : Fact.values()) {
            int actions = 0;
            for (Set<Fact> s : facts.values()) if (s.contains(f)) actions++;
            if (actions > 1) throw new IllegalStateException(clock + ": " + f + " does two things");
        }
        return new Row(clock, chinese, facts);
    }

    /** @return the rows, in {@link ClockId} order */
    static List<Row> rows() {
        return ROWS;
    }

    /** @return the table as Markdown, with the table default */
    static String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Clocks\n\n");
        sb.append("Generated from the clock table (`ClockTable` in `io.github.xinfang.time`); a test fails when the two ");
        sb.append("differ. A profile says which of these clocks a case has, with its limit, its way of counting days and ");
        sb.append("its warning window; the table says which dated facts move each clock. `ENDED` (withdrawn, terminated, ");
        sb.append("merged) stops every open clock. A duty is met by doing it; a window is met by using it.\n\n");
        sb.append("| clock | 中文 | kind");
        for (Action a : Action.values()) sb.append(" | ").append(a.column());
        sb.append(" |\n|---|---|---");
        for (Action a : Action.values()) sb.append("|---");
        sb.append("|\n");
        for (Row r : ROWS) {
            sb.append("| ").append(r.clock().name()).append(" | ").append(r.chinese()).append(" | ")
                    .append(r.clock().kind().name().toLowerCase(Locale.ROOT));
            for (Action a : Action.values()) {
                List<String> names = new ArrayList<>();
                for (Fact f : r.facts().get(a)) names.add(f.name());
                sb.append(" | ").append(String.join(", ", names));
            }
            sb.append(" |\n");
        }
        sb.append("\n## Duties from the case's own facts\n\n");
        sb.append("Their due dates come from the case (a plan step's date, a batch's target, a supervision's feedback ");
        sb.append("date, a raised rank) rather than from a profile; the deadline sweep warns about and records them ");
        sb.append("like clocks.\n\n| duty | 中文 |\n|---|---|\n");
        for (DutyId.Kind k : DutyId.Kind.values()) sb.append("| ").append(k.name()).append(" | ").append(k.chinese()).append(" |\n");
        return sb.toString();
    }
}
