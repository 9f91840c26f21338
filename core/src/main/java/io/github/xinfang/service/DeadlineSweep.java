package io.github.xinfang.service;

import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.SweepCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.persistence.Claim;
import io.github.xinfang.persistence.WorkClaims;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.TimeLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deadline sweep (期限巡检): a method a portal's scheduler calls with the current instant. It claims the
 * cases that need attention (through the store's {@link WorkClaims}, so two sweeping nodes never work on the
 * same case at once), and records through the case service each warning (预警), each breach (超期) and each
 * lapsed window once per clock run, with deterministic idempotency keys (clock, round, kind and due instant, per
 * case): a second sweep at the same instant appends nothing. A lapsed window is recorded as a lapse, never as a
 * breach. A clock is a profile clock's run or a duty of the resolution track or of supervision: one status function
 * ({@link io.github.xinfang.time.TimeLimits#obligations}) and one path serve both. Where a days-overdue escalation
 * rule has started to fire, the sweep asks for the
 * required rank to be recomputed ({@link ResolutionCommand.ReassessEscalation}, key: case and the instant it started).
 * A clock run or duty whose breach is recorded gets nothing more (no warning after an extension granted late),
 * so the case is not claimed for it again ({@link io.github.xinfang.time.TimeLimits#nextAttention}): a sweep with
 * nothing to record claims nothing.
 *
 * <p>Pass the same instant the service's clock gives (the records are checked against it). Thread-safe;
 * holds no state between sweeps. The sweep has no threads of its own.
 *
 * @since 0.1
 */
public final class DeadlineSweep {
    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);
    /** The actor the sweep's records carry. */
    public static final String JOB = "deadline-sweep";

    private final CaseService service;
    private final WorkClaims claims;
    private final String owner;
    private final Duration lease;
    private final int batchSize;
    private final ClusterWatch clusters;

    private DeadlineSweep(CaseService service, WorkClaims claims, String owner, Duration lease, int batchSize,
                          ClusterWatch clusters) {
        this.service = service;
        this.claims = claims;
        this.owner = owner;
        this.lease = lease;
        this.batchSize = batchSize;
        this.clusters = clusters;
    }

    /**
     * A sweep with a 5-minute lease and batches of 100 cases.
     *
     * @param service the case service (its store must implement {@link WorkClaims})
     * @param owner this node's name, unique among sweeping nodes
     * @return the sweep
     * @throws UnsupportedOperationException if the service's store does not offer work claims
     */
    public static DeadlineSweep create(CaseService service, String owner) {
        return create(service, owner, Duration.ofMinutes(5), 100);
    }

    /**
     * @param service the case service (its store must implement {@link WorkClaims})
     * @param owner this node's name, unique among sweeping nodes
     * @param lease how long a claim holds (longer than one sweep takes)
     * @param batchSize how many cases to claim at a time
     * @return the sweep
     * @throws IllegalArgumentException if owner breaks {@link io.github.xinfang.text.TextRule#ID} (at most 200), lease is
     *     not positive or batchSize below 1
     * @throws UnsupportedOperationException if the service's store does not offer work claims
     */
    public static DeadlineSweep create(CaseService service, String owner, Duration lease, int batchSize) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(lease, "lease");
        io.github.xinfang.text.TextRule.ID.require(owner, "owner", 200);
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
        if (!(service.store() instanceof WorkClaims claims)) {
            throw new UnsupportedOperationException("the store does not implement WorkClaims: " + service.store().getClass().getName());
        }
        return new DeadlineSweep(service, claims, owner, lease, batchSize, null);
    }

    /**
     * The same sweep, which also looks for clusters of petitions (类案预警) after the deadlines: each sweep then runs
     * {@link ClusterWatch#sweep} at its instant and counts the warnings raised in {@link Report#clusterWarnings()}.
     *
     * @param watch the cluster watch (over the same service)
     * @return a sweep that also watches clusters
     * @since 0.6
     */
    public DeadlineSweep withClusterWatch(ClusterWatch watch) {
        return new DeadlineSweep(service, claims, owner, lease, batchSize, Objects.requireNonNull(watch, "watch"));
    }

    /**
     * Sweeps once.
     *
     * @param now the current instant (from the same clock as the service's)
     * @return what was recorded
     * @throws io.github.xinfang.persistence.XinfangException on an infrastructure failure (claims taken so far are released)
     */
    public Report sweep(Instant now) {
        Objects.requireNonNull(now, "now");
        List<Claim> held = new ArrayList<>();
        int[] counts = new int[6];
        try {
            while (true) {
                List<Claim> batch = claims.claimDue(now.plusNanos(1), now, lease, owner, batchSize);
                if (batch.isEmpty()) break;
                held.addAll(batch);
                for (Claim c : batch) sweepCase(new CaseId(c.caseId()), now, counts);
            }
        } finally {
            for (Claim c : held) claims.release(c.caseId(), owner);
        }
        int raised = clusters == null ? 0 : clusters.sweep(now).size();
        Report report = new Report(held.size(), counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], raised);
        log.info("deadline sweep {} at {}: {} cases, {} warnings, {} breaches, {} lapses, {} escalations, {} already recorded, {} refused,"
                + " {} cluster warnings", owner, now, report.casesClaimed(), report.warnings(), report.breaches(), report.lapses(),
                report.escalations(), report.alreadyRecorded(), report.refused(), report.clusterWarnings());
        return report;
    }

    /**
     * One case, loaded once: its records are decided on the loaded state, and the escalation check is read from that
     * state with the records' events applied (the case is loaded again only if someone else committed to it meanwhile).
     */
    private void sweepCase(CaseId id, Instant now, int[] counts) {
        Optional<CaseState> loaded = service.state(id);
        if (loaded.isEmpty()) return;
        CaseState state = loaded.get();
        for (TimeLimits.ObligationStatus st : service.obligations(state, now)) {
            CaseCommand command = null;
            int slot = -1;
            boolean window = st.source().isWindow();
            if (!window && st.state() == TimeLimits.ClockState.DUE_SOON && !st.warningRecorded() && !st.breachRecorded()) {
                command = new SweepCommand.RecordWarning(id, key(st, "warning"), Actor.system(JOB), st.source(), st.round(), st.dueAt());
                slot = 0;
            } else if (!window && st.state() == TimeLimits.ClockState.OVERDUE && !st.breachRecorded()) {
                command = new SweepCommand.RecordBreach(id, key(st, "breach"), Actor.system(JOB), st.source(), st.round(), st.dueAt());
                slot = 1;
            } else if (window && st.state() == TimeLimits.ClockState.LAPSED && !st.breachRecorded()) {
                command = new SweepCommand.RecordLapse(id, key(st, "lapse"), Actor.system(JOB), st.source(), st.round(), st.dueAt());
                slot = 2;
            }
            if (command != null) state = record(id, command, slot, st.source().toString(), counts, state);
        }
        Optional<Instant> check = state == null ? service.escalationCheck(id) : service.escalationCheck(state);
        if (check.isPresent() && !check.get().isAfter(now)) {
            CommandResult r = service.handle(new ResolutionCommand.ReassessEscalation(id,
                    new IdempotencyKey("sweep:escalation:" + check.get().getEpochSecond()), Actor.system(JOB)));
            if (r instanceof CommandResult.Applied a) {
                if (a.replayed()) counts[3]++;
                else counts[5]++;
            } else {
                counts[4]++;
                log.debug("sweep escalation check for case {} refused: {}", id, ((CommandResult.Rejected) r).rejection().code());
            }
        }
    }

    /**
     * Records one warning, breach or lapse.
     *
     * @param state the case's state before the record, or null if it is no longer known
     * @return its state after the record, or null if it is not known (another commit came between, or the record was
     *     refused: the caller loads it again)
     */
    private CaseState record(CaseId id, CaseCommand command, int slot, String what, int[] counts, CaseState state) {
        CommandResult r = service.handle(command);
        if (r instanceof CommandResult.Applied a) {
            counts[a.replayed() ? 3 : slot]++;
            if (a.replayed() || state == null || a.events().isEmpty()
                    || a.events().get(0).sequence() != state.lastSequence() + 1) {
                return null;
            }
            CaseState next = state;
            for (CaseEvent e : a.events()) next = CaseState.evolve(next, e);
            return next;
        }
        counts[4]++;
        log.debug("sweep record for case {} {} refused: {}", id, what, ((CommandResult.Rejected) r).rejection().code());
        return null;   // the case changed since it was loaded
    }

    /**
     * The deterministic idempotency key of a record: clock, round, kind and due instant. A profile clock's key is
     * {@code sweep:<clock>:<round>:<kind>:<due epoch second>}, as it always was (its command's digest is unchanged too).
     * A duty's key is {@code sweep:duty:<KIND:ref>:<kind>:<due epoch second>}: its command changed type when duties became
     * clocks, so its key changed too, and it cannot equal a key of an earlier release, whose second segment was always a
     * clock's name, a duty kind's name or {@code escalation}, never {@code duty}.
     */
    static IdempotencyKey key(TimeLimits.ObligationStatus st, String kind) {
        String clock = st.source() instanceof ClockId c ? c + ":" + st.round() : "duty:" + st.source();
        return new IdempotencyKey("sweep:" + clock + ":" + kind + ":" + st.dueAt().getEpochSecond());
    }

    /**
     * What one {@link DeadlineSweep#sweep} did. Immutable.
     *
     * @param casesClaimed how many cases it claimed and looked at
     * @param warnings warnings (预警) recorded
     * @param breaches breaches (超期) recorded
     * @param lapses lapsed windows recorded
     * @param alreadyRecorded records another sweep (or an earlier run of this one) had already made
     * @param refused records the case refused (it changed between the look and the record; the next sweep retries)
     * @param escalations required ranks raised because a days-overdue escalation rule started to fire (since 0.2)
     * @param clusterWarnings cluster warnings (类案预警) raised, when the sweep watches clusters (since 0.6)
     * @since 0.1
     */
    public record Report(int casesClaimed, int warnings, int breaches, int lapses, int alreadyRecorded, int refused,
                              int escalations, int clusterWarnings) {
        /** The same, from before cluster warnings (none raised). */
        public Report(int casesClaimed, int warnings, int breaches, int lapses, int alreadyRecorded, int refused, int escalations) {
            this(casesClaimed, warnings, breaches, lapses, alreadyRecorded, refused, escalations, 0);
        }

        /** @return how many commands of the sweep appended events */
        public int recorded() {
            return warnings + breaches + lapses + escalations;
        }
    }
}
