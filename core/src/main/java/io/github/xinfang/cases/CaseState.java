package io.github.xinfang.cases;

import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.time.Obligations;
import io.github.xinfang.time.Fact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The current state of a case: a pure function of its history ({@link #replay}), read through a few named parts:
 * the {@link Procedure procedure} (stage, handling unit, procedure dates and counters), the current
 * {@link Conclusion conclusion} and its review, the {@link Timing timing} (clock and duty facts), the
 * {@link Resolution resolution} track and the {@link CaseActivity activity} around the case. A portal gets a state
 * from {@link #replay}, {@link #evolve} or the case service, never by constructing one.
 *
 * <p>Immutable and thread-safe; {@code equals} compares every part; {@code toString} shows no personal data.
 *
 * @since 0.1
 */
public final class CaseState {
    private final CaseId caseId;
    private final long lastSequence;
    private final String profile;
    private final Petition petition;
    private final Procedure procedure;
    private final Conclusion conclusion;
    private final Timing timing;
    private final Resolution resolution;
    private final CaseActivity activity;

    /**
     * The only constructor: used by the evolve function and, through reflection, by the codec.
     *
     * @throws NullPointerException naming a required argument that is null
     * @throws IllegalArgumentException if lastSequence is below 1
     */
    CaseState(CaseId caseId, long lastSequence, String profile, Petition petition, Procedure procedure,
              Conclusion conclusion, Timing timing, Resolution resolution, CaseActivity activity) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        if (lastSequence < 1) throw new IllegalArgumentException("lastSequence must be at least 1");
        this.lastSequence = lastSequence;
        this.profile = Objects.requireNonNull(profile, "profile");
        this.petition = Objects.requireNonNull(petition, "petition");
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.conclusion = Objects.requireNonNull(conclusion, "conclusion");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.resolution = resolution;
        this.activity = activity == null ? CaseActivity.none() : activity;
    }

    /**
     * Replays a history from the start.
     *
     * @param history the events in sequence order, starting with the case's first event
     * @return the state after them
     * @throws IllegalArgumentException if the history is empty, out of order, or does not start with a first event
     */
    public static CaseState replay(List<? extends CaseEvent> history) {
        Objects.requireNonNull(history, "history");
        CaseState s = null;
        for (CaseEvent e : history) s = evolve(s, e);
        if (s == null) throw new IllegalArgumentException("history must not be empty");
        return s;
    }

    /**
     * Applies one event: the evolve function of the aggregate. Pure; never fails for a history that
     * {@link CaseDecider} produced.
     *
     * @param state the state before, or null when the event starts the case
     * @param event the event
     * @return the state after
     * @throws IllegalArgumentException if the event does not follow the state (wrong case, sequence or kind)
     */
    public static CaseState evolve(CaseState state, CaseEvent event) {
        return CaseEvolution.evolve(state, event);
    }

    /** @return the case */
    public CaseId caseId() {
        return caseId;
    }

    /** @return the sequence number of the last event applied, at least 1 */
    public long lastSequence() {
        return lastSequence;
    }

    /** @return the name of the time-limit profile */
    public String profile() {
        return profile;
    }

    /** @return the petition, as last corrected */
    public Petition petition() {
        return petition;
    }

    /** @return the procedure's part: stage, handling unit, procedure dates and counters */
    public Procedure procedure() {
        return procedure;
    }

    /** @return the current conclusion and what followed it (empty before a proposal and after reopening) */
    public Conclusion conclusion() {
        return conclusion;
    }

    /** @return the time part: the latest fact and record, the clock and duty facts */
    public Timing timing() {
        return timing;
    }

    /** @return the resolution track's part (积案化解), or null while the case is not on that track (since 0.2) */
    public Resolution resolution() {
        return resolution;
    }

    /** @return repeat petitions, follow-up visits, supervision and merge links, never null (since 0.2) */
    public CaseActivity activity() {
        return activity;
    }

    /** @return the procedure stage: {@code procedure().stage()} */
    public Stage stage() {
        return procedure.stage();
    }

    /** @return the unit handling the case, or null before routing and after an objection: {@code procedure().handlingUnit()} */
    public UnitId handlingUnit() {
        return procedure.handlingUnit();
    }

    // ------------------------------------------------------------------ with… (the evolve function's only way to change a state)

    /** @return this state after one more event, with its sequence and the latest {@code recordedAt} so far */
    CaseState next(long sequence, Instant recordedAt) {
        return new CaseState(caseId, sequence, profile, petition, procedure, conclusion, timing.recorded(recordedAt),
                resolution, activity);
    }

    CaseState withProfile(String profile) {
        return new CaseState(caseId, lastSequence, profile, petition, procedure, conclusion, timing, resolution, activity);
    }

    CaseState withPetition(Petition petition) {
        return new CaseState(caseId, lastSequence, profile, petition, procedure, conclusion, timing, resolution, activity);
    }

    CaseState withProcedure(Procedure procedure) {
        return new CaseState(caseId, lastSequence, profile, petition, procedure, conclusion, timing, resolution, activity);
    }

    CaseState withStage(Stage stage) {
        return withProcedure(procedure.withStage(stage));
    }

    CaseState withConclusion(Conclusion conclusion) {
        return new CaseState(caseId, lastSequence, profile, petition, procedure, conclusion, timing, resolution, activity);
    }

    CaseState withTiming(Timing timing) {
        return new CaseState(caseId, lastSequence, profile, petition, procedure, conclusion, timing, resolution, activity);
    }

    CaseState withResolution(Resolution resolution) {
        return new CaseState(caseId, lastSequence, profile, petition, procedure, conclusion, timing, resolution, activity);
    }

    CaseState withActivity(CaseActivity activity) {
        return new CaseState(caseId, lastSequence, profile, petition, procedure, conclusion, timing, resolution, activity);
    }

    CaseState withObligations(Obligations obligations) {
        return withTiming(timing.withObligations(obligations));
    }

    /** @return this state with a legal fact dated {@code on}: the latest fact day moves, no clock is touched */
    CaseState withFactOn(LocalDate on) {
        return withTiming(timing.factOn(on));
    }

    /** @return this state with a clock fact applied, the latest fact day unchanged */
    CaseState withClock(Fact fact, LocalDate on) {
        return withObligations(timing.obligations().apply(fact, on, 0));
    }

    /** @return this state with a legal fact dated {@code on} that is also a clock fact */
    CaseState withFact(Fact fact, LocalDate on) {
        return withFactOn(on).withClock(fact, on);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CaseState s && caseId.equals(s.caseId) && lastSequence == s.lastSequence
                && profile.equals(s.profile) && petition.equals(s.petition) && procedure.equals(s.procedure)
                && conclusion.equals(s.conclusion) && timing.equals(s.timing) && Objects.equals(resolution, s.resolution)
                && activity.equals(s.activity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, lastSequence, profile, petition, procedure, conclusion, timing, resolution, activity);
    }

    @Override
    public String toString() {
        return "CaseState[caseId=" + caseId + ", lastSequence=" + lastSequence + ", stage=" + stage() + ", profile=" + profile
                + ", category=" + petition.category() + ", region=" + petition.region() + ", handlingUnit=" + handlingUnit() + "]";
    }

    /**
     * The current conclusion of a case and what followed it: the pending proposal, its approval, the written reply,
     * review (复查) and re-review (复核). Reopening clears it. Immutable.
     *
     * @param proposer who proposed the pending conclusion, or null
     * @param outcome the outcome of the pending or approved conclusion, or null
     * @param conclusionApprovedOn the day the current conclusion was approved, or null
     * @param replyServedOn the day the written reply was served, or null
     * @param reviewRequestedOn the day review was requested, or null
     * @param reviewOpinionServedOn the day the review opinion was served, or null
     * @param reReviewRequestedOn the day re-review was requested, or null
     * @since 0.4
     */
    public record Conclusion(Actor proposer, Outcome outcome, LocalDate conclusionApprovedOn, LocalDate replyServedOn,
                             LocalDate reviewRequestedOn, LocalDate reviewOpinionServedOn, LocalDate reReviewRequestedOn) {
        /** No conclusion: nothing proposed since the case started or was last reopened. */
        static final Conclusion NONE = new Conclusion(null, null, null, null, null, null, null);

        Conclusion proposed(Actor by, Outcome proposed) {
            return new Conclusion(by, proposed, conclusionApprovedOn, replyServedOn, reviewRequestedOn, reviewOpinionServedOn,
                    reReviewRequestedOn);
        }

        /** Approval ends the proposal and keeps its outcome. */
        Conclusion approved(LocalDate on) {
            return new Conclusion(null, outcome, on, replyServedOn, reviewRequestedOn, reviewOpinionServedOn, reReviewRequestedOn);
        }

        /** Returned for rework: the proposal and its outcome go. */
        Conclusion returned() {
            return new Conclusion(null, null, conclusionApprovedOn, replyServedOn, reviewRequestedOn, reviewOpinionServedOn,
                    reReviewRequestedOn);
        }

        Conclusion replyServed(LocalDate on) {
            return new Conclusion(proposer, outcome, conclusionApprovedOn, on, reviewRequestedOn, reviewOpinionServedOn,
                    reReviewRequestedOn);
        }

        Conclusion reviewRequested(LocalDate on) {
            return new Conclusion(proposer, outcome, conclusionApprovedOn, replyServedOn, on, reviewOpinionServedOn,
                    reReviewRequestedOn);
        }

        Conclusion reviewOpinionServed(LocalDate on) {
            return new Conclusion(proposer, outcome, conclusionApprovedOn, replyServedOn, reviewRequestedOn, on,
                    reReviewRequestedOn);
        }

        Conclusion reReviewRequested(LocalDate on) {
            return new Conclusion(proposer, outcome, conclusionApprovedOn, replyServedOn, reviewRequestedOn,
                    reviewOpinionServedOn, on);
        }
    }

    /**
     * The time part of a case's state: the latest legal fact and record, and the facts that due dates are computed
     * from. Immutable.
     *
     * @param lastFactOn the latest date of a legal fact so far
     * @param lastRecordedAt the latest {@code recordedAt} so far
     * @param obligations the profile clocks' runs and the duties from the case's facts (replacement, plan steps, batch
     *     targets, supervision feedback): starts, meetings, stops, extensions, pauses, recorded warnings and breaches
     * @since 0.4
     */
    public record Timing(LocalDate lastFactOn, Instant lastRecordedAt, Obligations obligations) {
        /** @throws NullPointerException naming a required argument that is null */
        public Timing {
            Objects.requireNonNull(lastFactOn, "lastFactOn");
            Objects.requireNonNull(lastRecordedAt, "lastRecordedAt");
            Objects.requireNonNull(obligations, "obligations");
        }

        /** @return this part with a legal fact dated {@code on}: the latest fact day moves forward only */
        Timing factOn(LocalDate on) {
            return on.isAfter(lastFactOn) ? new Timing(on, lastRecordedAt, obligations) : this;
        }

        /** @return this part with a record made at {@code at}: the latest record moves forward only */
        Timing recorded(Instant at) {
            return at.isAfter(lastRecordedAt) ? new Timing(lastFactOn, at, obligations) : this;
        }

        Timing withObligations(Obligations obligations) {
            return new Timing(lastFactOn, lastRecordedAt, obligations);
        }
    }
}
