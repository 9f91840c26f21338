package io.github.xinfang.cases;

import io.github.xinfang.directory.UnitId;
import io.github.xinfang.time.ClockLedger;
import io.github.xinfang.time.DutyLedger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The current state of a case on the procedure track: a pure function of its history
 * ({@link #replay}). Immutable; {@code toString} shows no personal data.
 *
 * @param caseId the case
 * @param lastSequence the sequence number of the last event applied
 * @param stage the procedure stage
 * @param profile the time-limit profile
 * @param petition the petition
 * @param handlingUnit the unit handling the case, or null before routing (and after an objection)
 * @param unitReceivedOn the day the handling unit received the matter, or null
 * @param acceptedOn the day of acceptance, or null
 * @param handlingStartedOn the day the current handling clock started (acceptance or reopening), or null
 * @param informedOn the day the petitioner was last told (告知), or null
 * @param extensionDays the extension granted on the current handling clock, 0 if none
 * @param proposer who proposed the pending conclusion, or null
 * @param outcome the outcome of the pending or approved conclusion, or null
 * @param conclusionApprovedOn the day the current conclusion was approved, or null
 * @param replyServedOn the day the written reply was served, or null
 * @param reviewRequestedOn the day review was requested, or null
 * @param reviewOpinionServedOn the day the review opinion was served, or null
 * @param reReviewRequestedOn the day re-review was requested, or null
 * @param lastFactOn the latest date of a legal fact so far
 * @param lastRecordedAt the latest {@code recordedAt} so far
 * @param reworkCount how many proposals were returned for rework
 * @param objectionCount how many objections were raised
 * @param hearingOpenedOn the day the open hearing began, or null when none is open
 * @param clocks the clock facts (starts, meetings, stops, extensions, pauses, recorded warnings and breaches)
 * @param resolution the resolution track's part (积案化解), or null while the case is not on that track (since 0.2)
 * @param activity repeat petitions, follow-up visits, supervision and merge links (null reads as none; since 0.2)
 * @param duties the duties whose due dates come from the case's facts: replacement, plan steps, batch targets,
 *     supervision feedback (null reads as none; since 0.2)
 * @since 0.1
 */
public record CaseState(CaseId caseId, long lastSequence, Stage stage, String profile, Petition petition,
                        UnitId handlingUnit, LocalDate unitReceivedOn, LocalDate acceptedOn,
                        LocalDate handlingStartedOn, LocalDate informedOn, int extensionDays, Actor proposer,
                        Outcome outcome, LocalDate conclusionApprovedOn, LocalDate replyServedOn,
                        LocalDate reviewRequestedOn, LocalDate reviewOpinionServedOn, LocalDate reReviewRequestedOn,
                        LocalDate lastFactOn, Instant lastRecordedAt, int reworkCount, int objectionCount,
                        LocalDate hearingOpenedOn, ClockLedger clocks, Resolution resolution, CaseActivity activity,
                        DutyLedger duties) {

    /** @throws NullPointerException naming a required argument that is null */
    public CaseState {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(petition, "petition");
        Objects.requireNonNull(lastFactOn, "lastFactOn");
        Objects.requireNonNull(lastRecordedAt, "lastRecordedAt");
        Objects.requireNonNull(clocks, "clocks");
        if (lastSequence < 1) throw new IllegalArgumentException("lastSequence must be at least 1");
        if (activity == null) activity = CaseActivity.none();
        if (duties == null) duties = DutyLedger.empty();
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

    @Override
    public String toString() {
        return "CaseState[caseId=" + caseId + ", lastSequence=" + lastSequence + ", stage=" + stage + ", profile=" + profile
                + ", category=" + petition.category() + ", region=" + petition.region() + ", handlingUnit=" + handlingUnit + "]";
    }
}
