package io.github.xinfang.service;

import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.persistence.XinfangException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import io.github.xinfang.cases.Rejection;

/**
 * 新官理旧账: hands every active package assignment of an official to a successor after a post change, case by
 * case through the normal command path ({@link ResolutionCommand.ReplacePackageLeader} with reason
 * {@link Resolution.ReplacementReason#POST_CHANGE}), so each case records the handover in its own history. The lead unit,
 * the co-units and the task force stay (the outgoing official is replaced by the successor where they were a
 * member of it too).
 *
 * <p>Each case's command carries the deterministic idempotency key {@code handover:<operation id>:<case id>}: a
 * re-run of the same operation (after a crash, or to be sure) changes nothing that was already moved, and tries
 * again what was refused. So that this key always fits an {@link IdempotencyKey} whatever the case id, an
 * operation id has at most {@value #MAX_OPERATION_ID_LENGTH} characters and no whitespace or control characters;
 * any other is refused before anything moves. The report lists what moved and what did not, with the rejection (for example
 * {@code RANK_TOO_LOW} where the successor is below a case's required rank); nothing stops halfway silently: an
 * infrastructure failure ends the run with a {@link HandoverInterruptedException} carrying what was done so far,
 * and re-running the operation finishes it.
 *
 * <p>Finds the cases through the store's {@link ResolutionQuery} (keyset pages by active leader, no scan).
 * Thread-safe; holds no state between runs.
 *
 * @since 0.2
 */
public final class Handover {
    private static final Logger log = LoggerFactory.getLogger(Handover.class);
    /** The job name of the system actor the handover's commands carry. */
    public static final String JOB = "handover";
    private static final String KEY_PREFIX = "handover:";
    /**
     * The longest operation id: the idempotency key {@code handover:<operation id>:<case id>} of the longest case id
     * (64 characters) then has {@link IdempotencyKey}'s 128.
     */
    public static final int MAX_OPERATION_ID_LENGTH = 54;   // 128 - "handover:".length() - ":".length() - 64
    private static final int PAGE = 200;

    private final CaseService service;
    private final ResolutionQuery query;

    private Handover(CaseService service, ResolutionQuery query) {
        this.service = service;
        this.query = query;
    }

    /**
     * @param service the case service (its store must implement {@link ResolutionQuery})
     * @return the operation
     * @throws UnsupportedOperationException if the store does not offer the resolution queries
     */
    public static Handover create(CaseService service) {
        Objects.requireNonNull(service, "service");
        return new Handover(service, service.resolutionQuery());
    }

    /**
     * Runs one handover.
     *
     * @param operationId the operation's id, unique per post change (e.g. the appointment document's number); the
     *     same id re-runs the same operation
     * @param outgoing the official leaving the post
     * @param successor the official taking it over
     * @param handedOverOn the day of the handover (the date the assignments change hands)
     * @return what moved and what did not
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException if operationId is blank, longer than {@value #MAX_OPERATION_ID_LENGTH}
     *     characters or holds whitespace or control characters, or the two officials are the same; nothing has moved
     * @throws HandoverInterruptedException on an infrastructure failure, with what was done so far (re-run to finish)
     */
    public Report run(String operationId, OfficialId outgoing, OfficialId successor, LocalDate handedOverOn) {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(outgoing, "outgoing");
        Objects.requireNonNull(successor, "successor");
        Objects.requireNonNull(handedOverOn, "handedOverOn");
        // The keys it builds ("handover:" + operationId + ":" + caseId) must be idempotency keys.
        io.github.xinfang.text.TextRule.ID.require(operationId, "operationId", MAX_OPERATION_ID_LENGTH);
        if (outgoing.equals(successor)) throw new IllegalArgumentException("successor must differ from outgoing");
        List<CaseId> moved = new ArrayList<>();
        List<Report.NotMoved> notMoved = new ArrayList<>();
        String after = null;
        try {
            while (true) {
                List<IndexRow> page = query.byActiveLeader(outgoing.value(), after, PAGE);
                if (page.isEmpty()) break;
                for (IndexRow row : page) {
                    CaseId caseId = new CaseId(row.caseId());
                    Optional<CaseCommand> command = command(operationId, caseId, outgoing, successor, handedOverOn);
                    if (command.isEmpty()) continue;
                    CommandResult r = service.handle(command.get());
                    if (r instanceof CommandResult.Applied) moved.add(caseId);
                    else notMoved.add(new Report.NotMoved(caseId, ((CommandResult.Rejected) r).rejection()));
                }
                after = page.get(page.size() - 1).caseId();
            }
        } catch (XinfangException e) {
            throw new HandoverInterruptedException(new Report(operationId, moved, notMoved), e);
        }
        log.info("handover {}: {} cases moved, {} not moved", operationId, moved.size(), notMoved.size());
        return new Report(operationId, moved, notMoved);
    }

    /** The replacement for one case, or empty if the case is no longer led by the outgoing official. */
    private Optional<CaseCommand> command(String operationId, CaseId caseId, OfficialId outgoing, OfficialId successor,
                                          LocalDate on) {
        Optional<CaseHistory> h = service.history(caseId);
        if (h.isEmpty()) return Optional.empty();
        CaseState s = h.get().state();
        Optional<Resolution.Assignment> active = s.resolution() == null ? Optional.empty() : s.resolution().activeAssignment();
        if (active.isEmpty() || !active.get().leader().equals(outgoing)) return Optional.empty();
        Resolution.Assignment a = active.get();
        List<OfficialId> taskForce = new ArrayList<>();
        for (OfficialId m : a.taskForce()) {
            OfficialId member = m.equals(outgoing) ? successor : m;
            if (!taskForce.contains(member)) taskForce.add(member);
        }
        return Optional.of(new ResolutionCommand.ReplacePackageLeader(caseId, new IdempotencyKey(KEY_PREFIX + operationId + ":" + caseId.value()),
                Actor.system(JOB), successor, a.leadUnit(), taskForce, a.coUnits(), Resolution.ReplacementReason.POST_CHANGE, on));
    }

    /**
     * What one {@link Handover} run did. Immutable.
     *
     * @param operationId the operation
     * @param moved the cases handed to the successor in this run, by case id
     * @param notMoved the cases still led by the outgoing official, with the reason each was refused
     * @since 0.2
     */
    public record Report(String operationId, List<CaseId> moved, List<NotMoved> notMoved) {
        /** @throws NullPointerException naming a null argument */
        public Report {
            Objects.requireNonNull(operationId, "operationId");
            moved = List.copyOf(Objects.requireNonNull(moved, "moved"));
            notMoved = List.copyOf(Objects.requireNonNull(notMoved, "notMoved"));
        }

        /** @return whether every case of the outgoing official was handed over */
        public boolean complete() {
            return notMoved.isEmpty();
        }

        /**
         * A case the handover could not move. Immutable.
         *
         * @param caseId the case
         * @param rejection why (e.g. {@code RANK_TOO_LOW})
         * @since 0.2
         */
        public record NotMoved(CaseId caseId, Rejection rejection) {
            /** @throws NullPointerException naming a null argument */
            public NotMoved {
                Objects.requireNonNull(caseId, "caseId");
                Objects.requireNonNull(rejection, "rejection");
            }
        }
    }

    /**
     * A {@link Handover} stopped by an infrastructure failure: the cases it moved before the failure stay moved (each
     * was one complete commit), and running the same operation again finishes it. Carries what was done so far, and
     * the failure as its cause.
     *
     * @since 0.2
     */
    public static final class HandoverInterruptedException extends XinfangException {
        private static final long serialVersionUID = 1L;

        /** Not serialised: the report is for the caller that caught this exception. */
        private final transient Report partial;

        HandoverInterruptedException(Report partial, XinfangException cause) {
            super("handover " + partial.operationId() + " interrupted after " + partial.moved().size() + " moved and "
                    + partial.notMoved().size() + " not moved; run it again to finish", Objects.requireNonNull(cause, "cause"));
            this.partial = partial;
        }

        /** @return what the run did before it was interrupted (null after deserialisation) */
        public Report partialReport() {
            return partial;
        }
    }
}
