package io.github.xinfang.bench.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one path every contender of {@link PeersBenchmark} runs: {@value #LENGTH} commands on a new case (register,
 * route, accept, propose, return for rework, propose, approve, serve the reply, request a review, conclude the
 * review), the procedure of {@code Lifecycles.peerPath} in xinfang. A contender keeps each case's
 * {@link CaseRecord} (stage, last fact date, accused officials, sequence), checks the two guards of every
 * transition (the actor is not an accused party; the fact date is not before the previous one) and emits one
 * JSON-encoded {@link Event} per transition, whose bytes the benchmark consumes.
 */
public final class PeerPath {
    private PeerPath() {}

    /** Commands (and events) of one path. */
    public static final int LENGTH = 10;
    /** The official named as accused in every case: commands by this actor are refused. */
    public static final String ACCUSED = "urban-deputy";
    /** The instant the events carry. */
    static final Instant RECORDED_AT = Instant.parse("2026-06-30T02:00:00Z");

    /** The stages of the path. */
    public enum Stage { NEW, REGISTERED, ROUTED, ACCEPTED, PROPOSED, APPROVED, REPLIED, IN_REVIEW, REVIEWED }

    /** The triggers of the path. */
    public enum Trigger { REGISTER, ROUTE, ACCEPT, PROPOSE, RETURN, APPROVE, SERVE_REPLY, REQUEST_REVIEW, CONCLUDE_REVIEW }

    /**
     * One command.
     *
     * @param caseId the case
     * @param trigger what it asks
     * @param actor the official acting
     * @param fact the date of the fact it records
     * @param text its free text, or null
     */
    public record Command(String caseId, Trigger trigger, String actor, LocalDate fact, String text) {}

    /**
     * One emitted event.
     *
     * @param caseId the case
     * @param sequence its position in the case's history, from 1
     * @param type the trigger's name
     * @param from the stage before
     * @param to the stage after
     * @param actor the official acting
     * @param fact the fact date (ISO)
     * @param text the free text, or null
     * @param recordedAt the instant recorded (ISO)
     */
    public record Event(String caseId, long sequence, String type, String from, String to, String actor, String fact,
                        String text, String recordedAt) {}

    /**
     * What a contender stores per case between commands.
     *
     * @param stage the current stage
     * @param lastFact the latest fact date, or null before the first command
     * @param accused the officials accused in the petition
     * @param sequence the number of events so far
     */
    public record CaseRecord(Stage stage, LocalDate lastFact, Set<String> accused, long sequence) {
        /** A case before its first command. */
        static final CaseRecord NEW = new CaseRecord(Stage.NEW, null, Set.of(ACCUSED), 0);

        CaseRecord after(Stage to, LocalDate fact) {
            return new CaseRecord(to, fact, accused, sequence + 1);
        }
    }

    /** The transition table: stage → trigger → next stage. Immutable after class initialisation. */
    static final Map<Stage, Map<Trigger, Stage>> TABLE = table();

    private static Map<Stage, Map<Trigger, Stage>> table() {
        Map<Stage, Map<Trigger, Stage>> t = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) t.put(s, new EnumMap<>(Trigger.class));
        t.get(Stage.NEW).put(Trigger.REGISTER, Stage.REGISTERED);
        t.get(Stage.REGISTERED).put(Trigger.ROUTE, Stage.ROUTED);
        t.get(Stage.ROUTED).put(Trigger.ACCEPT, Stage.ACCEPTED);
        t.get(Stage.ACCEPTED).put(Trigger.PROPOSE, Stage.PROPOSED);
        t.get(Stage.PROPOSED).put(Trigger.RETURN, Stage.ACCEPTED);
        t.get(Stage.PROPOSED).put(Trigger.APPROVE, Stage.APPROVED);
        t.get(Stage.APPROVED).put(Trigger.SERVE_REPLY, Stage.REPLIED);
        t.get(Stage.REPLIED).put(Trigger.REQUEST_REVIEW, Stage.IN_REVIEW);
        t.get(Stage.IN_REVIEW).put(Trigger.CONCLUDE_REVIEW, Stage.REVIEWED);
        return t;
    }

    /** The stages each command of the path leads to, in order. */
    static final List<Stage> EXPECTED = List.of(Stage.REGISTERED, Stage.ROUTED, Stage.ACCEPTED, Stage.PROPOSED,
            Stage.ACCEPTED, Stage.PROPOSED, Stage.APPROVED, Stage.REPLIED, Stage.IN_REVIEW, Stage.REVIEWED);

    /**
     * The commands of one path, built anew (as a portal builds them from a request).
     *
     * @param caseId the case
     * @return {@value #LENGTH} commands
     */
    public static Command[] commands(String caseId) {
        return new Command[] {
            new Command(caseId, Trigger.REGISTER, "office-clerk", LocalDate.of(2026, 3, 2), "样例：虚构的信访事项。"),
            new Command(caseId, Trigger.ROUTE, "office-clerk", LocalDate.of(2026, 3, 4), null),
            new Command(caseId, Trigger.ACCEPT, "housing-staff", LocalDate.of(2026, 3, 6), null),
            new Command(caseId, Trigger.PROPOSE, "housing-staff", LocalDate.of(2026, 4, 22), "样例：予以支持。"),
            new Command(caseId, Trigger.RETURN, "housing-head", LocalDate.of(2026, 4, 27), "样例：证据不足。"),
            new Command(caseId, Trigger.PROPOSE, "housing-staff", LocalDate.of(2026, 4, 28), "样例：解释说明。"),
            new Command(caseId, Trigger.APPROVE, "housing-head", LocalDate.of(2026, 4, 29), null),
            new Command(caseId, Trigger.SERVE_REPLY, "housing-staff", LocalDate.of(2026, 4, 30), null),
            new Command(caseId, Trigger.REQUEST_REVIEW, "office-head", LocalDate.of(2026, 5, 15), null),
            new Command(caseId, Trigger.CONCLUDE_REVIEW, "office-head", LocalDate.of(2026, 6, 5), "样例：维持。"),
        };
    }

    /** @return whether the command's actor is not an accused party of the case (guard 1) */
    static boolean actorNotAccused(CaseRecord kase, Command c) {
        return !kase.accused().contains(c.actor());
    }

    /** @return whether the command's fact is not before the case's latest fact (guard 2) */
    static boolean factInOrder(CaseRecord kase, Command c) {
        return kase.lastFact() == null || !c.fact().isBefore(kase.lastFact());
    }

    /** @return both guards */
    static boolean guards(CaseRecord kase, Command c) {
        return actorNotAccused(kase, c) && factInOrder(kase, c);
    }

    /** The JSON encoder the contenders share (thread-safe). */
    private static final ObjectWriter EVENTS = new ObjectMapper().writerFor(Event.class);

    /**
     * Encodes the event of an accepted transition.
     *
     * @param from the stage before
     * @param after the case after the transition (its sequence is the event's)
     * @param c the command
     * @return the event's JSON bytes (UTF-8)
     */
    static byte[] encode(Stage from, CaseRecord after, Command c) {
        try {
            return EVENTS.writeValueAsBytes(new Event(c.caseId(), after.sequence(), c.trigger().name(), from.name(),
                    after.stage().name(), c.actor(), c.fact().toString(), c.text(), RECORDED_AT.toString()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Thrown by a contender when its engine refuses a command (a guard said no, or no transition). */
    public static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Refused(Command c, CaseRecord kase) {
            super(c.trigger() + " by " + c.actor() + " on " + c.fact() + " refused in " + kase.stage());
        }
    }
}
