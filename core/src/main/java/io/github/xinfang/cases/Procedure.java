package io.github.xinfang.cases;

import io.github.xinfang.directory.UnitId;
import io.github.xinfang.time.Fact;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The procedure's part of a case's state (its stage, handling unit, procedure dates and counters), and the
 * vocabulary of the statutory procedure: outcomes, reasons to decline, legal channels, contact kinds and imported
 * facts. Immutable.
 *
 * @param stage the procedure stage
 * @param handlingUnit the unit handling the case, or null before routing (and after an objection)
 * @param unitReceivedOn the day the handling unit received the matter, or null
 * @param acceptedOn the day of acceptance, or null
 * @param handlingStartedOn the day the current handling clock started (acceptance or reopening), or null
 * @param informedOn the day the petitioner was last told (告知), or null
 * @param extensionDays the extension granted on the current handling clock, 0 if none
 * @param reworkCount how many proposals were returned for rework
 * @param objectionCount how many objections were raised
 * @param hearingOpenedOn the day the open hearing began, or null when none is open
 * @since 0.4
 */
public record Procedure(Stage stage, UnitId handlingUnit, LocalDate unitReceivedOn, LocalDate acceptedOn,
                        LocalDate handlingStartedOn, LocalDate informedOn, int extensionDays, int reworkCount,
                        int objectionCount, LocalDate hearingOpenedOn) {
    /** @throws NullPointerException if stage is null */
    public Procedure {
        Objects.requireNonNull(stage, "stage");
    }

    /** @return a procedure at a stage with nothing else recorded yet */
    static Procedure at(Stage stage) {
        return new Procedure(stage, null, null, null, null, null, 0, 0, 0, null);
    }

    Procedure withStage(Stage stage) {
        return new Procedure(stage, handlingUnit, unitReceivedOn, acceptedOn, handlingStartedOn, informedOn, extensionDays,
                reworkCount, objectionCount, hearingOpenedOn);
    }

    /** 交办/转送: a unit received the matter. */
    Procedure routedTo(UnitId unit, LocalDate receivedOn) {
        return new Procedure(stage, unit, receivedOn, acceptedOn, handlingStartedOn, informedOn, extensionDays,
                reworkCount, objectionCount, hearingOpenedOn);
    }

    /** An objection: the unit, its receipt and the petitioner's notice go; one more objection. */
    Procedure objected() {
        return new Procedure(stage, null, null, acceptedOn, handlingStartedOn, null, extensionDays,
                reworkCount, objectionCount + 1, hearingOpenedOn);
    }

    Procedure informed(LocalDate on) {
        return new Procedure(stage, handlingUnit, unitReceivedOn, acceptedOn, handlingStartedOn, on, extensionDays,
                reworkCount, objectionCount, hearingOpenedOn);
    }

    /** Acceptance starts the handling clock. */
    Procedure accepted(LocalDate on) {
        return new Procedure(stage, handlingUnit, unitReceivedOn, on, on, informedOn, extensionDays,
                reworkCount, objectionCount, hearingOpenedOn);
    }

    Procedure extended(int days) {
        return new Procedure(stage, handlingUnit, unitReceivedOn, acceptedOn, handlingStartedOn, informedOn, days,
                reworkCount, objectionCount, hearingOpenedOn);
    }

    Procedure reworked() {
        return new Procedure(stage, handlingUnit, unitReceivedOn, acceptedOn, handlingStartedOn, informedOn, extensionDays,
                reworkCount + 1, objectionCount, hearingOpenedOn);
    }

    /** Reopening starts a new handling clock, without extension. */
    Procedure reopened(LocalDate on) {
        return new Procedure(stage, handlingUnit, unitReceivedOn, acceptedOn, on, informedOn, 0,
                reworkCount, objectionCount, hearingOpenedOn);
    }

    /** @param openedOn the day a hearing opened, or null when it closed */
    Procedure withHearingOpenedOn(LocalDate openedOn) {
        return new Procedure(stage, handlingUnit, unitReceivedOn, acceptedOn, handlingStartedOn, informedOn, extensionDays,
                reworkCount, objectionCount, openedOn);
    }

    /**
     * The outcome of a handling opinion for a 申诉求决类 matter (Art. 32). Immutable.
     *
     * @since 0.1
     */
    public enum Outcome {
        /** 予以支持. */
        SUPPORTED,
        /** 解释说明: reasonable but without legal basis. */
        EXPLAINED,
        /** 不予支持. */
        NOT_SUPPORTED
    }

    /**
     * Why a petition is declined (不予受理). Immutable.
     *
     * @since 0.1
     */
    public enum DeclineReason {
        /** The same facts and reasons after re-review (Art. 36(3)). */
        SAME_FACTS_AFTER_RE_REVIEW,
        /** Already accepted or being handled below within its time limit (Art. 19(3)). */
        PENDING_BELOW,
        /** Not a petition matter. */
        NOT_A_PETITION_MATTER,
        /** Another reason, given in the case's free text. */
        OTHER
    }

    /**
     * A statutory channel a claim is redirected into (Art. 31(1) to (5)). Immutable.
     *
     * @since 0.1
     */
    public enum LegalChannel {
        /** 诉讼. */
        LITIGATION,
        /** 仲裁. */
        ARBITRATION,
        /** 行政复议. */
        ADMINISTRATIVE_RECONSIDERATION,
        /** 党员申诉. */
        PARTY_MEMBER_APPEAL,
        /** 其他法定途径. */
        OTHER_STATUTORY
    }

    /**
     * How a unit contacted the petitioner (联系方式). Immutable.
     *
     * @since 0.1
     */
    public enum ContactKind {
        /** 电话联系: a phone call; meets the "1-2-3" contact clock. */
        PHONE,
        /** 见面: a meeting; meets the contact and meeting clocks. */
        MEETING,
        /** 走访: a home visit; meets the contact and meeting clocks. */
        HOME_VISIT,
        /** 约访: an appointment at the office; meets the contact and meeting clocks. */
        APPOINTMENT
    }

    /**
     * One dated fact of a case brought in from a portal's earlier system (历史数据导入), so its clocks come out
     * right. The record only copies; the case service checks it.
     *
     * @param fact what happened: a procedure fact (not {@link Fact#RECEIVED}, which is the petition's own date, nor
     *     {@link Fact#ENDED}, nor a fact of the resolution track or supervision, which follow the facts before it)
     * @param on when
     * @param days the extension in days, for {@link Fact#EXTENDED}; null otherwise
     * @since 0.1
     */
    public record ImportedFact(Fact fact, LocalDate on, Integer days) {
        /**
         * @param fact the fact
         * @param on its date
         * @return a fact without days
         */
        public static ImportedFact of(Fact fact, LocalDate on) {
            return new ImportedFact(fact, on, null);
        }
    }
}
