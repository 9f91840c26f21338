package io.github.xinfang.cases;

import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.time.TimeLimits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The decide function of the case aggregate: (state, command, recordedAt) → events, or a rejection.
 *
 * <p>Pure: it reads no clock and no store; its only collaborators are immutable values (the time-limit
 * rules and the organisation directory). It checks the command's fields, looks the command up in
 * {@link LifecycleTable#procedure()}, then runs the row's {@link Guard guards} in order. It never
 * throws for the content of a command. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CaseDecider {
    private final TimeLimits limits;
    private final OrganisationDirectory directory;
    private final CommandChecks checks;
    private final LifecycleTable table = LifecycleTable.procedure();
    private final RankLadder ladder;
    private final EscalationPolicy escalation;
    private final RankLadder.ApprovalRule approval;
    private final Escalation escalationRule;

    private CaseDecider(TimeLimits limits, OrganisationDirectory directory, RankLadder ladder, EscalationPolicy escalation,
                        RankLadder.ApprovalRule approval) {
        this.limits = limits;
        this.directory = directory;
        this.checks = new CommandChecks(limits, directory);
        this.approval = approval;
        this.ladder = ladder;
        this.escalation = escalation;
        this.escalationRule = new Escalation(limits, directory, ladder, escalation);
        for (EscalationPolicy.Rule r : escalation.rules()) {
            if (!ladder.knows(r.requires().rank())) {
                throw new IllegalArgumentException("escalation: rule " + r.name() + " requires a rank that is not on the ladder");
            }
        }
    }

    /**
     * A decider with the civil-service {@link RankLadder} and the {@link EscalationPolicy#standard() standard}
     * escalation policy.
     *
     * @param limits the time-limit rules
     * @param directory the organisation directory
     * @return a decider
     */
    public static CaseDecider create(TimeLimits limits, OrganisationDirectory directory) {
        return create(limits, directory, RankLadder.civilService(), EscalationPolicy.standard());
    }

    /**
     * @param limits the time-limit rules
     * @param directory the organisation directory
     * @param ladder the portal's rank ladder
     * @param escalation the portal's escalation policy (its ranks on the ladder)
     * @return a decider
     * @throws IllegalArgumentException if a rule of the policy requires a rank that is not on the ladder
     * @since 0.2
     */
    public static CaseDecider create(TimeLimits limits, OrganisationDirectory directory, RankLadder ladder,
                                     EscalationPolicy escalation) {
        return create(limits, directory, ladder, escalation, RankLadder.ApprovalRule.standard());
    }

    /**
     * @param limits the time-limit rules
     * @param directory the organisation directory
     * @param ladder the portal's rank ladder
     * @param escalation the portal's escalation policy (its ranks on the ladder)
     * @param approval who may approve a resolution (审核销号)
     * @return a decider
     * @throws IllegalArgumentException if a rule of the policy requires a rank that is not on the ladder
     * @since 0.2
     */
    public static CaseDecider create(TimeLimits limits, OrganisationDirectory directory, RankLadder ladder,
                                     EscalationPolicy escalation, RankLadder.ApprovalRule approval) {
        return new CaseDecider(Objects.requireNonNull(limits, "limits"), Objects.requireNonNull(directory, "directory"),
                Objects.requireNonNull(ladder, "ladder"), Objects.requireNonNull(escalation, "escalation"),
                Objects.requireNonNull(approval, "approval"));
    }

    /** @return the time-limit rules this decider counts with */
    public TimeLimits timeLimits() {
        return limits;
    }

    /**
     * Checks a command's own fields (presence, lengths, text, dates not after {@code today}), without its case and
     * without the directory: the checks {@link #decide} runs first.
     *
     * @param command the command, possibly null
     * @param today the day the command is handled, in the time limits' zone
     * @return a {@code VALIDATION} rejection naming the first bad field, or empty
     */
    public Optional<Rejection> checkFields(CaseCommand command, LocalDate today) {
        try {
            checks.checkShape(command, Objects.requireNonNull(today, "today"));
            return Optional.empty();
        } catch (FieldProblem p) {
            return Optional.of(p.rejection(null));
        }
    }

    /**
     * Checks the units and officials a well-formed command names against the directory.
     *
     * @param command a command that passed {@link #checkFields}
     * @return a {@code VALIDATION} rejection naming the first unknown unit or official, or empty
     */
    public Optional<Rejection> checkDirectory(CaseCommand command) {
        try {
            checks.checkDirectory(Objects.requireNonNull(command, "command"));
            return Optional.empty();
        } catch (FieldProblem p) {
            return Optional.of(p.rejection(null));
        }
    }

    /**
     * Decides a command on a case alone. A merge needs the case it goes into: decided here, it is refused
     * ({@code VALIDATION} on {@code into}); use {@link #decide(CaseState, CaseCommand, Instant, Function)}.
     *
     * @param state the case's state, or null if the case does not exist
     * @param command the command
     * @param recordedAt the instant the events will carry (not before the state's last {@code recordedAt})
     * @return the events to append, or a rejection
     */
    public CaseDecider.Decision decide(CaseState state, CaseCommand command, Instant recordedAt) {
        return decide(state, command, recordedAt, id -> Optional.empty());
    }

    /**
     * Decides a command.
     *
     * @param state the case's state, or null if the case does not exist
     * @param command the command
     * @param recordedAt the instant the events will carry (not before the state's last {@code recordedAt})
     * @param otherCases the stage of another case of the store (the case a merge goes into), or empty if there is none
     * @return the events to append, or a rejection
     * @since 0.4
     */
    public CaseDecider.Decision decide(CaseState state, CaseCommand command, Instant recordedAt, Function<CaseId, Optional<Stage>> otherCases) {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(otherCases, "otherCases");
        Stage stage = state == null ? null : state.stage();
        LocalDate today = LocalDate.ofInstant(recordedAt, limits.zone());
        try {
            checks.checkShape(command, today);
            checks.checkDirectory(command);
        } catch (FieldProblem p) {
            return reject(p.rejection(stage));
        }
        if (state != null && !state.caseId().equals(command.caseId())) {
            return reject(Rejection.invalid("caseId", "does not match the loaded case", "与所载事项不符", stage));
        }
        boolean creates = table.creates(command.getClass());
        if (state == null && !creates) {
            return reject(Rejection.of(Rejection.Code.CASE_NOT_FOUND, null));
        }
        if (state != null && creates) {
            return reject(Rejection.of(Rejection.Code.CASE_EXISTS, stage));
        }
        Optional<ResolutionTable.Row> resolutionRow = ResolutionTable.resolution().row(command.getClass());
        if (resolutionRow.isPresent()) return decideResolution(state, command, resolutionRow.get(), recordedAt);
        LifecycleTable.Row row = table.row(command.getClass()).orElseThrow(
                () -> new AssertionError("no table row for " + command.getClass().getName()));
        if (!table.allows(stage, command.getClass())) {
            Rejection.Code refusal = row.refusalFrom(stage);
            if (refusal == Rejection.Code.MERGED_INTO) {
                CaseId survivor = state.activity().mergedInto();
                return reject(Rejection.of(Rejection.Code.MERGED_INTO, stage, "the case was merged into " + survivor,
                        "该事项已并入" + survivor));
            }
            return reject(Rejection.of(refusal, stage,
                    command.getClass().getSimpleName() + " from " + stage, row.chinese() + "，当前阶段：" + stage.chinese()));
        }
        Petition petition;
        Petition corrected = null;
        try {
            if (command instanceof ProcedureCommand.Register c) petition = PetitionForms.parse(c.petition(), today);
            else if (command instanceof ProcedureCommand.Import c) petition = PetitionForms.parse(c.petition(), today);
            else petition = state.petition();
            if (command instanceof ProcedureCommand.CorrectPetition c) corrected = PetitionForms.parse(c.petition(), today);
        } catch (FieldProblem p) {
            return reject(p.rejection(stage));
        }
        Rejection refused = firstRefusal(row, new GuardInput(state, petition, corrected, recordedAt, row, limits, directory, ladder,
                approval, () -> false, otherCases), command);
        if (refused != null) return reject(refused);
        EventId id = new EventId(command.caseId(), state == null ? 1 : state.lastSequence() + 1);
        List<CaseEvent> events = List.of(row.emit(new Emission(id, command.actor(), recordedAt, state, petition,
                corrected, limits.defaultProfile()), command));
        assert landsOnTarget(row, state, command, events);
        return new CaseDecider.Decision.Accepted(escalationRule.after(state, events, recordedAt));
    }

    /** A resolution-track command: the table's track and stage columns, the row's guards, its event, the rise it causes. */
    private CaseDecider.Decision decideResolution(CaseState state, CaseCommand command, ResolutionTable.Row row, Instant recordedAt) {
        Resolution r = state.resolution();
        Resolution.TrackState track = r == null ? null : r.track();
        if (!row.stages().contains(state.stage()) || !row.startsFrom(track)) {
            String trackEn = track == null ? "not on the resolution track" : "track " + track;
            String trackZh = track == null ? "未列为积案" : "化解状态：" + track.chinese();
            return reject(Rejection.of(Rejection.Code.ILLEGAL_TRANSITION, state.stage(),
                    command.getClass().getSimpleName() + " from " + state.stage() + ", " + trackEn,
                    row.chinese() + "，当前阶段：" + state.stage().chinese() + "，" + trackZh));
        }
        // a row without an event of its own (ReassessEscalation) is accepted for the rise its RANK_RISES guard saw
        List<CaseEvent> rise = row.emits() ? null : escalationRule.after(state, List.of(), recordedAt);
        Rejection refused = firstRefusal(row, new GuardInput(state, state.petition(), null, recordedAt, row, limits, directory,
                ladder, approval, () -> !(rise != null ? rise : escalationRule.after(state, List.of(), recordedAt)).isEmpty(),
                id -> Optional.empty()), command);
        if (refused != null) return reject(refused);
        if (rise != null) {
            assert landsOnTarget(row, state, List.of());
            return new CaseDecider.Decision.Accepted(rise);
        }
        EventId id = new EventId(state.caseId(), state.lastSequence() + 1);
        List<CaseEvent> own = List.of(row.emit(new Emission(id, command.actor(), recordedAt, state, state.petition(), null, null),
                command));
        assert landsOnTarget(row, state, own);
        return new CaseDecider.Decision.Accepted(escalationRule.after(state, own, recordedAt));
    }

    /** Runs a row's guards, the table defaults included, in order: the first refusal, or null. */
    private static Rejection firstRefusal(TableRow row, GuardInput in, CaseCommand command) {
        for (Guard<?> guard : row.checks()) {
            Rejection r = guard.test(in, command);
            if (r != null) return r;
        }
        return null;
    }

    /**
     * Whether a procedure row's events land where the row says: its {@code to}, the stage an import brings, or the
     * stage it stays in. Checked (with assertions on) for every accepted command.
     */
    private static boolean landsOnTarget(LifecycleTable.Row row, CaseState before, CaseCommand c, List<CaseEvent> events) {
        Stage target = row.to() != null ? row.to() : before == null ? ((ProcedureCommand.Import) c).stage() : before.stage();
        Stage landed = replayed(before, events).stage();
        if (landed != target) {
            throw new AssertionError(row.command() + " from " + (before == null ? "(none)" : before.stage()) + " landed on "
                    + landed + ", its row says " + target);
        }
        return true;
    }

    /** Whether a resolution row's events move the track where the row says ({@link ResolutionTable.Row#next}). */
    private static boolean landsOnTarget(ResolutionTable.Row row, CaseState before, List<CaseEvent> events) {
        Resolution.TrackState from = before.resolution() == null ? null : before.resolution().track();
        Resolution after = replayed(before, events).resolution();
        Resolution.TrackState landed = after == null ? null : after.track();
        if (landed != row.next(from)) {
            throw new AssertionError(row.command() + " from track " + from + " landed on " + landed + ", its row says "
                    + row.next(from));
        }
        return true;
    }

    private static CaseState replayed(CaseState before, List<CaseEvent> events) {
        CaseState after = before;
        for (CaseEvent e : events) after = CaseState.evolve(after, e);
        return after;
    }

    /**
     * The instant a days-overdue rule of the escalation policy ({@link EscalationPolicy.Rule#daysOverdueAtLeast})
     * starts to fire on a case without any event: its earliest open duty clock or duty has then been overdue that
     * many days. Rules whose requirement the case's required rank already meets are skipped. The case service puts
     * it into the index row's next attention instant, and the deadline sweep then asks for the rank to be
     * recomputed ({@link ResolutionCommand.ReassessEscalation}). A pure function of the state, the profile, the calendar
     * and the policy.
     *
     * @param state a case's state
     * @return the instant, or empty when no such rule can still fire (or the case is not on the resolution track)
     * @since 0.2
     */
    public Optional<Instant> nextEscalationCheck(CaseState state) {
        return escalationRule.nextCheck(Objects.requireNonNull(state, "state"));
    }

    /** @return the rank ladder this decider checks leaders against */
    public RankLadder rankLadder() {
        return ladder;
    }

    /** @return the escalation policy this decider applies */
    public EscalationPolicy escalationPolicy() {
        return escalation;
    }

    private static CaseDecider.Decision reject(Rejection r) {
        return new CaseDecider.Decision.Rejected(r);
    }

    /**
     * The result of deciding a command against a case: the events to append, or a rejection. Immutable.
     *
     * @since 0.1
     */
    public sealed interface Decision {

        /**
         * The command is allowed; these events are to be appended in order.
         *
         * @param events at least one event
         * @since 0.1
         */
        record Accepted(List<CaseEvent> events) implements CaseDecider.Decision {
            /**
             * @throws NullPointerException if events is null
             * @throws IllegalArgumentException if events is empty
             */
            public Accepted {
                events = List.copyOf(Objects.requireNonNull(events, "events"));
                if (events.isEmpty()) throw new IllegalArgumentException("events must not be empty");
            }
        }

        /**
         * The command is refused; nothing is appended.
         *
         * @param rejection why
         * @since 0.1
         */
        record Rejected(Rejection rejection) implements CaseDecider.Decision {
            /** @throws NullPointerException if rejection is null */
            public Rejected {
                Objects.requireNonNull(rejection, "rejection");
            }
        }
    }
}
