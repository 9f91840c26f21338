package io.github.xinfang.service;

import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Procedure.ContactKind;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.Procedure.ImportedFact;
import io.github.xinfang.cases.Procedure.Outcome;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.time.Obligations;
import io.github.xinfang.time.Obligation;
import io.github.xinfang.time.Fact;
import io.github.xinfang.time.TimeLimits;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.xinfang.testing.Org.HOUSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Worked examples of the clocks on the official calendar, each date counted by hand from LEGAL.md's rules and the
 * State Council notices: 2025 National Day 1-8 October off with Sunday 28 September and Saturday 11 October worked;
 * 2026 Spring Festival 15-23 February off with Saturday 14 and Saturday 28 February worked; 2026 Qingming 4-6 April
 * and Labour Day 1-5 May off. Cases are in Hangzhou (330106), a region without an overlay of its own.
 */
class ClockScenarioTests {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String REGION = "330106";

    private final TestClock clock = TestClock.at("2026-06-30T02:00:00Z");
    private CaseService service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock).build();
    private final AtomicInteger keys = new AtomicInteger();
    private final CaseId id = new CaseId("XF-CLOCK-0001");
    private final Actor staff = Org.staffOf(HOUSING);

    private IdempotencyKey key() {
        return new IdempotencyKey("k" + keys.incrementAndGet());
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The start of a day in Beijing time, plus some hours. */
    private static Instant at(String isoDate, int hour) {
        return d(isoDate).atTime(hour, 0).atZone(SHANGHAI).toInstant();
    }

    private static PetitionForm petition(String receivedOn, Category category) {
        return new PetitionForm(d(receivedOn), Channel.LETTER, category, "城乡建设", REGION, true, null,
                List.of(new PetitionForm.Petitioner("周建华", null, "13857112345", null)), null, null, "拆迁补偿款未按协议支付。");
    }

    private static PetitionForm claim(String receivedOn) {
        return petition(receivedOn, Category.CLAIM);
    }

    private void applied(CaseCommand c) {
        CommandResult r = service.handle(c);
        assertThat(r).as("%s: %s", c.getClass().getSimpleName(), r).isInstanceOf(CommandResult.Applied.class);
    }

    private void rejected(CaseCommand c, Rejection.Code code) {
        CommandResult r = service.handle(c);
        assertThat(r).as("%s", c.getClass().getSimpleName()).isInstanceOf(CommandResult.Rejected.class);
        assertThat(((CommandResult.Rejected) r).rejection().code()).isEqualTo(code);
    }

    private Optional<TimeLimits.ObligationStatus> find(ClockId c, Instant when) {
        return service.obligations(id, when).orElseThrow().stream().filter(s -> s.source() == c).findFirst();
    }

    private TimeLimits.ObligationStatus status(ClockId c, Instant when) {
        return find(c, when).orElseThrow(() -> new AssertionError("no " + c + " clock"));
    }

    private TimeLimits.ObligationStatus status(ClockId c) {
        return status(c, clock.instant());
    }

    private void registerAndRoute(String profile, String receivedOn, String unitReceivedOn) {
        applied(new ProcedureCommand.Register(id, key(), Org.clerk(), claim(receivedOn), profile));
        applied(new ProcedureCommand.Route(id, key(), Org.clerk(), HOUSING, d(unitReceivedOn)));
    }

    // ------------------------------------------------------------------ National Day 2025

    @Test
    void objectionWindowFromFriday26September2025CountsTheMakeUpSundayAndSkipsNationalDay() {
        clock.set(at("2025-10-20", 10));
        registerAndRoute(null, "2025-09-24", "2025-09-26");
        // Working days after Fri 26 Sep: Sun 28 Sep (调休上班) 1, Mon 29 2, Tue 30 3; 1-8 Oct off; Thu 9 Oct 4, Fri 10 Oct 5.
        TimeLimits.ObligationStatus objection = status(ClockId.OBJECTION, at("2025-09-27", 9));
        assertThat(objection.dueOn()).isEqualTo(d("2025-10-10"));
        assertThat(objection.dueAt()).isEqualTo(at("2025-10-11", 0));
        assertThat(objection.dueIsFinal()).isTrue();
        assertThat(objection.state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        // 15 calendar days end on Sat 11 Oct, itself a make-up working day: no rolling.
        assertThat(status(ClockId.TELLING, at("2025-09-27", 9)).dueOn()).isEqualTo(d("2025-10-11"));
        // The window is a window: past its end it lapses, never overdue, and an objection is refused.
        assertThat(status(ClockId.OBJECTION, at("2025-10-11", 0)).state()).isEqualTo(TimeLimits.ClockState.LAPSED);
        rejected(new ProcedureCommand.RaiseObjection(id, key(), staff, "不属本单位职责。", d("2025-10-11")), Rejection.Code.WINDOW_EXPIRED);
        applied(new ProcedureCommand.RaiseObjection(id, key(), staff, "不属本单位职责。", d("2025-10-10")));
        TimeLimits.ObligationStatus met = status(ClockId.OBJECTION);
        assertThat(met.state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(met.daysLate()).isZero();
        // The objection restarts routing from its own date: 15 days after 10 Oct is Sat 25 Oct, rolled to Mon 27 Oct.
        TimeLimits.ObligationStatus routing = status(ClockId.ROUTING, at("2025-10-11", 9));
        assertThat(routing.round()).isEqualTo(2);
        assertThat(routing.startedOn()).isEqualTo(d("2025-10-10"));
        assertThat(routing.dueOn()).isEqualTo(d("2025-10-27"));
        assertThat(status(ClockId.TELLING).state()).isEqualTo(TimeLimits.ClockState.STOPPED);
    }

    @Test
    void objectionWindowFromTuesday30September2025EndsOnTuesday14OctoberCountingTheMakeUpSaturday() {
        clock.set(at("2025-10-20", 10));
        registerAndRoute(null, "2025-09-29", "2025-09-30");
        // After Tue 30 Sep: 1-8 Oct off; Thu 9 Oct 1, Fri 10 Oct 2, Sat 11 Oct (调休上班) 3, Mon 13 Oct 4, Tue 14 Oct 5.
        assertThat(status(ClockId.OBJECTION, at("2025-10-01", 9)).dueOn()).isEqualTo(d("2025-10-14"));
        // Telling: 15 days after 30 Sep is Wed 15 Oct.
        assertThat(status(ClockId.TELLING, at("2025-10-01", 9)).dueOn()).isEqualTo(d("2025-10-15"));
        applied(new ProcedureCommand.RaiseObjection(id, key(), staff, "不属本单位职责。", d("2025-10-14")));
        assertThat(service.history(id).orElseThrow().state().stage()).isEqualTo(Stage.REGISTERED);
    }

    // ------------------------------------------------------------------ Spring Festival 2026

    @Test
    void routingLimitEndingInsideSpringFestival2026RollsToTuesday24February() {
        clock.set(at("2026-02-02", 10));
        applied(new ProcedureCommand.Register(id, key(), Org.clerk(), claim("2026-02-01"), null));
        // 15 days after Sun 1 Feb is Mon 16 Feb, inside the holiday (15-23 Feb off): the limit ends on Tue 24 Feb.
        TimeLimits.ObligationStatus routing = status(ClockId.ROUTING);
        assertThat(routing.startedOn()).isEqualTo(d("2026-02-01"));
        assertThat(routing.dueOn()).isEqualTo(d("2026-02-24"));
        assertThat(routing.dueAt()).isEqualTo(at("2026-02-25", 0));
        assertThat(routing.warnAt()).isEqualTo(at("2026-02-22", 0));          // 3 days' warning
        assertThat(routing.state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        assertThat(status(ClockId.ROUTING, at("2026-02-23", 12)).state()).isEqualTo(TimeLimits.ClockState.DUE_SOON);
        assertThat(status(ClockId.ROUTING, at("2026-02-24", 23)).state()).isEqualTo(TimeLimits.ClockState.DUE_SOON);
        TimeLimits.ObligationStatus late = status(ClockId.ROUTING, at("2026-02-25", 0));
        assertThat(late.state()).isEqualTo(TimeLimits.ClockState.OVERDUE);
        assertThat(late.daysLate()).isEqualTo(1);
        assertThat(service.timeLimits().nextAttention(service.history(id).orElseThrow().state().timing().obligations(), "national-2022",
                Category.CLAIM, new RegionCode(REGION))).contains(at("2026-02-22", 0));
    }

    @Test
    void zhejiangAcceptanceOf5WorkingDaysAcrossSpringFestival2026EndsOnThursday26February() {
        clock.set(at("2026-03-10", 10));
        registerAndRoute("zhejiang-2016", "2026-02-10", "2026-02-12");
        // After Thu 12 Feb: Fri 13 1, Sat 14 (调休上班) 2, 15-23 off, Tue 24 3, Wed 25 4, Thu 26 5.
        TimeLimits.ObligationStatus acceptance = status(ClockId.ACCEPTANCE, at("2026-02-13", 9));
        assertThat(acceptance.dueOn()).isEqualTo(d("2026-02-26"));
        assertThat(acceptance.state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        // 1 day's warning: due soon from the start of Thu 26 Feb.
        assertThat(status(ClockId.ACCEPTANCE, at("2026-02-26", 8)).state()).isEqualTo(TimeLimits.ClockState.DUE_SOON);
        // Telling: 15 days after 12 Feb is Fri 27 Feb, a working day.
        assertThat(status(ClockId.TELLING, at("2026-02-13", 9)).dueOn()).isEqualTo(d("2026-02-27"));
        // The national profile has no acceptance clock at all.
        applied(new ProcedureCommand.Accept(id, key(), staff, d("2026-02-27")));
        TimeLimits.ObligationStatus metLate = status(ClockId.ACCEPTANCE);
        assertThat(metLate.state()).isEqualTo(TimeLimits.ClockState.MET_LATE);
        assertThat(metLate.metOn()).isEqualTo(d("2026-02-27"));
        assertThat(metLate.daysLate()).isEqualTo(1);
        // Accepting closes the objection window (stopped, not lapsed).
        assertThat(status(ClockId.OBJECTION).state()).isEqualTo(TimeLimits.ClockState.STOPPED);
    }

    // ------------------------------------------------------------------ handling and extension

    @Test
    void handling60DaysEndsInsideLabourDayAndAnExtensionOf30MakesIt90DaysFromAcceptance() {
        clock.set(at("2026-04-30", 10));
        registerAndRoute(null, "2026-03-02", "2026-03-04");
        assertThat(find(ClockId.ACCEPTANCE, clock.instant())).isEmpty();
        applied(new ProcedureCommand.Accept(id, key(), staff, d("2026-03-06")));
        // 60 days after Fri 6 Mar is Tue 5 May, inside Labour Day (1-5 May off): rolls to Wed 6 May.
        TimeLimits.ObligationStatus handling = status(ClockId.HANDLING);
        assertThat(handling.startedOn()).isEqualTo(d("2026-03-06"));
        assertThat(handling.dueOn()).isEqualTo(d("2026-05-06"));
        assertThat(handling.warnAt()).isEqualTo(at("2026-04-27", 0));   // 10 days' warning
        assertThat(handling.state()).isEqualTo(TimeLimits.ClockState.DUE_SOON);
        applied(new ProcedureCommand.Extend(id, key(), Org.headOf(HOUSING), 30, "需补充调查。", d("2026-04-30"), d("2026-04-30")));
        // 90 days after 6 Mar is Thu 4 Jun, a working day.
        TimeLimits.ObligationStatus extended = status(ClockId.HANDLING);
        assertThat(extended.dueOn()).isEqualTo(d("2026-06-04"));
        assertThat(extended.state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        // The handling clock keeps running while a conclusion waits for approval.
        clock.set(at("2026-06-03", 10));
        applied(new ProcedureCommand.ProposeConclusion(id, key(), staff, Outcome.SUPPORTED, "予以支持。", d("2026-06-03")));
        assertThat(status(ClockId.HANDLING, at("2026-06-05", 9)).state()).isEqualTo(TimeLimits.ClockState.OVERDUE);
        clock.set(at("2026-06-05", 10));
        applied(new ProcedureCommand.ApproveConclusion(id, key(), Org.headOf(HOUSING), d("2026-06-05")));
        TimeLimits.ObligationStatus approved = status(ClockId.HANDLING);
        assertThat(approved.state()).isEqualTo(TimeLimits.ClockState.MET_LATE);
        assertThat(approved.daysLate()).isEqualTo(1);
    }

    @Test
    void changingTheProfileToZhejiangRecomputesHandlingTo30Days() {
        clock.set(at("2026-03-20", 10));
        registerAndRoute(null, "2026-03-02", "2026-03-04");
        applied(new ProcedureCommand.Accept(id, key(), staff, d("2026-03-06")));
        assertThat(status(ClockId.HANDLING).dueOn()).isEqualTo(d("2026-05-06"));
        applied(new ProcedureCommand.ChangeProfile(id, key(), Org.officeHead(), "zhejiang-2016", "按浙江省信访条例办理。"));
        assertThat(service.history(id).orElseThrow().state().profile()).isEqualTo("zhejiang-2016");
        // 30 days after Fri 6 Mar is Sun 5 Apr, inside Qingming (4-6 Apr off): rolls to Tue 7 Apr.
        TimeLimits.ObligationStatus handling = status(ClockId.HANDLING);
        assertThat(handling.startedOn()).isEqualTo(d("2026-03-06"));
        assertThat(handling.dueOn()).isEqualTo(d("2026-04-07"));
        assertThat(handling.warnAt()).isEqualTo(at("2026-04-03", 0));   // 5 days' warning under 浙江
        // 浙江 allows an extension of up to 60 days.
        applied(new ProcedureCommand.Extend(id, key(), Org.headOf(HOUSING), 60, "案情复杂。", d("2026-03-20"), d("2026-03-20")));
        // 90 days after 6 Mar: Thu 4 Jun.
        assertThat(status(ClockId.HANDLING).dueOn()).isEqualTo(d("2026-06-04"));
        rejected(new ProcedureCommand.ChangeProfile(id, key(), Org.officeHead(), "atlantis-2030", "无此方案。"), Rejection.Code.VALIDATION);
    }

    @Test
    void reclassifyingAClaimAsASuggestionRemovesItsHandlingClock() {
        clock.set(at("2026-03-20", 10));
        registerAndRoute(null, "2026-03-02", "2026-03-04");
        applied(new ProcedureCommand.Accept(id, key(), staff, d("2026-03-06")));
        assertThat(find(ClockId.HANDLING, clock.instant())).isPresent();
        Instant before = service.timeLimits().nextAttention(service.history(id).orElseThrow().state().timing().obligations(),
                "national-2022", Category.CLAIM, new RegionCode(REGION)).orElseThrow();
        assertThat(before).isEqualTo(at("2026-03-17", 0));   // telling: due Thu 19 Mar, due soon for its last 3 days
        applied(new ProcedureCommand.CorrectPetition(id, key(), Org.officeHead(), petition("2026-03-02", Category.SUGGESTION),
                "实为建议意见类。"));
        assertThat(find(ClockId.HANDLING, clock.instant())).isEmpty();
        assertThat(status(ClockId.TELLING).dueOn()).isEqualTo(d("2026-03-19"));
        // Back to a claim: the handling clock that ran all along shows again, still from 6 Mar.
        applied(new ProcedureCommand.CorrectPetition(id, key(), Org.officeHead(), claim("2026-03-02"), "复核后确属申诉求决类。"));
        assertThat(status(ClockId.HANDLING).dueOn()).isEqualTo(d("2026-05-06"));
    }

    // ------------------------------------------------------------------ review and re-review

    private void concludeAndReachReReview() {
        registerAndRoute(null, "2026-03-02", "2026-03-04");
        applied(new ProcedureCommand.InformPetitioner(id, key(), staff, d("2026-03-05")));
        applied(new ProcedureCommand.Accept(id, key(), staff, d("2026-03-06")));
        applied(new ProcedureCommand.ProposeConclusion(id, key(), staff, Outcome.NOT_SUPPORTED, "不予支持。", d("2026-04-20")));
        applied(new ProcedureCommand.ApproveConclusion(id, key(), Org.headOf(HOUSING), d("2026-04-21")));
        applied(new ProcedureCommand.ServeReply(id, key(), staff, d("2026-04-22")));
        applied(new ProcedureCommand.RequestReview(id, key(), Org.officeHead(), d("2026-05-06")));
        // Review opinion: 30 days after Wed 6 May is Fri 5 Jun.
        assertThat(status(ClockId.REVIEW).dueOn()).isEqualTo(d("2026-06-05"));
        applied(new ProcedureCommand.ConcludeReview(id, key(), Org.officeHead(), "维持。", d("2026-05-20")));
        applied(new ProcedureCommand.ServeReviewOpinion(id, key(), Org.officeHead(), d("2026-05-22")));
        applied(new ProcedureCommand.RequestReReview(id, key(), Org.officeHead(), d("2026-06-01")));
    }

    @Test
    void aHearingPausesTheReReviewClockAndMovesItsDueDateByTheHearingsDays() {
        clock.set(at("2026-06-30", 10));
        concludeAndReachReReview();
        // Re-review opinion: 30 days after Mon 1 Jun is Wed 1 Jul.
        assertThat(status(ClockId.RE_REVIEW, at("2026-06-02", 9)).dueOn()).isEqualTo(d("2026-07-01"));
        applied(new ProcedureCommand.OpenHearing(id, key(), Org.officeHead(), d("2026-06-10")));
        TimeLimits.ObligationStatus paused = status(ClockId.RE_REVIEW, at("2026-06-12", 9));
        assertThat(paused.state()).isEqualTo(TimeLimits.ClockState.PAUSED);
        // Paused: the case needs no attention for this clock while the hearing is open.
        assertThat(status(ClockId.RE_REVIEW, at("2026-07-05", 9)).state()).isEqualTo(TimeLimits.ClockState.PAUSED);
        assertThat(service.timeLimits().nextAttention(service.history(id).orElseThrow().state().timing().obligations(), "national-2022",
                Category.CLAIM, new RegionCode(REGION))).isEmpty();
        applied(new ProcedureCommand.CloseHearing(id, key(), Org.officeHead(), d("2026-06-17")));
        // The hearing took 7 days (10 to 17 Jun): 37 days after 1 Jun is Wed 8 Jul.
        TimeLimits.ObligationStatus resumed = status(ClockId.RE_REVIEW, at("2026-06-18", 9));
        assertThat(resumed.dueOn()).isEqualTo(d("2026-07-08"));
        assertThat(resumed.state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        assertThat(status(ClockId.RE_REVIEW, at("2026-07-03", 23)).state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        assertThat(status(ClockId.RE_REVIEW, at("2026-07-04", 0)).state()).isEqualTo(TimeLimits.ClockState.DUE_SOON);   // 5 days' warning
        assertThat(status(ClockId.RE_REVIEW, at("2026-07-09", 9)).state()).isEqualTo(TimeLimits.ClockState.OVERDUE);
        // The review opinion (not re-review) was never paused: met on 20 May, 16 days early.
        TimeLimits.ObligationStatus review = status(ClockId.REVIEW);
        assertThat(review.state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(review.daysLate()).isEqualTo(-16);
        applied(new ProcedureCommand.ConcludeReReview(id, key(), Org.officeHead(), "复核维持。", d("2026-06-30")));
        assertThat(status(ClockId.RE_REVIEW).state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(status(ClockId.RE_REVIEW).daysLate()).isEqualTo(-8);
    }

    @Test
    void aReReviewCannotBeConcludedWhileItsHearingIsOpenAndTheHearingTimeIsNotCounted() {
        clock.set(at("2026-07-20", 10));
        concludeAndReachReReview();
        applied(new ProcedureCommand.OpenHearing(id, key(), Org.officeHead(), d("2026-06-10")));
        CommandResult early = service.handle(new ProcedureCommand.ConcludeReReview(id, key(), Org.officeHead(), "复核维持。", d("2026-07-20")));
        assertThat(((CommandResult.Rejected) early).rejection().code()).isEqualTo(Rejection.Code.ILLEGAL_TRANSITION);
        assertThat(status(ClockId.RE_REVIEW).state()).isEqualTo(TimeLimits.ClockState.PAUSED);
        applied(new ProcedureCommand.CloseHearing(id, key(), Org.officeHead(), d("2026-07-20")));
        // The hearing ran from 10 Jun to 20 Jul: 40 days not counted, so 70 days after 1 Jun (Mon 10 Aug).
        applied(new ProcedureCommand.ConcludeReReview(id, key(), Org.officeHead(), "复核维持。", d("2026-07-20")));
        TimeLimits.ObligationStatus reReview = status(ClockId.RE_REVIEW);
        assertThat(reReview.state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(reReview.dueOn()).isEqualTo(d("2026-08-10"));
    }

    // ------------------------------------------------------------------ dated facts and imports

    @Test
    void aPetitionRecordedAWeekAfterItArrivedCountsFromItsArrival() {
        clock.set(at("2026-03-09", 15));   // typed in on Mon 9 Mar
        applied(new ProcedureCommand.Register(id, key(), Org.clerk(), claim("2026-03-02"), null));
        assertThat(service.history(id).orElseThrow().events().get(0).recordedAt()).isEqualTo(at("2026-03-09", 15));
        // 15 days after Mon 2 Mar (the letter's arrival) is Tue 17 Mar, not 24 Mar.
        TimeLimits.ObligationStatus routing = status(ClockId.ROUTING);
        assertThat(routing.startedOn()).isEqualTo(d("2026-03-02"));
        assertThat(routing.dueOn()).isEqualTo(d("2026-03-17"));
        // Routed on 12 Mar, recorded on 16 Mar: telling counts from 12 Mar (15 days: Fri 27 Mar).
        clock.set(at("2026-03-16", 9));
        applied(new ProcedureCommand.Route(id, key(), Org.clerk(), HOUSING, d("2026-03-12")));
        assertThat(status(ClockId.ROUTING).metOn()).isEqualTo(d("2026-03-12"));
        assertThat(status(ClockId.ROUTING).state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(status(ClockId.TELLING).startedOn()).isEqualTo(d("2026-03-12"));
        assertThat(status(ClockId.TELLING).dueOn()).isEqualTo(d("2026-03-27"));
        // A fact dated after the moment it is recorded is refused.
        rejected(new ProcedureCommand.InformPetitioner(id, key(), staff, d("2026-03-17")), Rejection.Code.VALIDATION);
    }

    @Test
    void anImportedCaseWhoseHandlingLimitPassedIsOverdueRightAfterImport() {
        clock.set(at("2026-06-30", 10));
        applied(new ProcedureCommand.Import(id, key(), Org.clerk(), claim("2026-01-05"), null, Stage.IN_HANDLING, HOUSING,
                List.of(ImportedFact.of(Fact.ROUTED, d("2026-01-07")), ImportedFact.of(Fact.INFORMED, d("2026-01-08")),
                        ImportedFact.of(Fact.ACCEPTED, d("2026-01-09")))));
        assertThat(service.history(id).orElseThrow().events()).hasSize(1);
        // 60 days after Fri 9 Jan is Tue 10 Mar; on 30 Jun it is 112 days late.
        TimeLimits.ObligationStatus handling = status(ClockId.HANDLING);
        assertThat(handling.startedOn()).isEqualTo(d("2026-01-09"));
        assertThat(handling.dueOn()).isEqualTo(d("2026-03-10"));
        assertThat(handling.state()).isEqualTo(TimeLimits.ClockState.OVERDUE);
        assertThat(handling.daysLate()).isEqualTo(112);
        TimeLimits.ObligationStatus routing = status(ClockId.ROUTING);
        assertThat(routing.state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(routing.daysLate()).isEqualTo(-13);   // due Tue 20 Jan, routed 7 Jan
        assertThat(status(ClockId.TELLING).state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(status(ClockId.OBJECTION).state()).isEqualTo(TimeLimits.ClockState.STOPPED);
        // Its index row makes it show in the overdue query at once: next attention is the handling due instant.
        assertThat(service.timeLimits().nextAttention(service.history(id).orElseThrow().state().timing().obligations(), "national-2022",
                Category.CLAIM, new RegionCode(REGION))).contains(at("2026-03-01", 0));   // its unrecorded 10-day warning
    }

    @Test
    void anImportedExtensionCountsTowardsTheHandlingDueDate() {
        clock.set(at("2026-06-30", 10));
        applied(new ProcedureCommand.Import(id, key(), Org.clerk(), claim("2026-01-05"), null, Stage.IN_HANDLING, HOUSING,
                List.of(ImportedFact.of(Fact.ROUTED, d("2026-01-07")), ImportedFact.of(Fact.ACCEPTED, d("2026-01-09")),
                        new ImportedFact(Fact.EXTENDED, d("2026-03-01"), 30))));
        // 90 days after 9 Jan is Fri 9 Apr... 9 Jan + 90 = 9 Apr (Thu): a working day.
        TimeLimits.ObligationStatus handling = status(ClockId.HANDLING);
        assertThat(handling.dueOn()).isEqualTo(d("2026-04-09"));
        assertThat(handling.daysLate()).isEqualTo(82);
    }

    // ------------------------------------------------------------------ 1-2-3 fast track

    @Test
    void aFastTrackCaseContactsInOneDayMeetsInTwoAndRepliesInThree() {
        clock.set(at("2026-03-12", 10));
        registerAndRoute("fast-track-123", "2026-03-04", "2026-03-05");
        // From Thu 5 Mar, without rolling: contact Fri 6 Mar, meeting Sat 7 Mar, stage reply Sun 8 Mar.
        Instant thursday = at("2026-03-05", 18);
        assertThat(status(ClockId.CONTACT, thursday).dueOn()).isEqualTo(d("2026-03-06"));
        assertThat(status(ClockId.MEETING, thursday).dueOn()).isEqualTo(d("2026-03-07"));
        assertThat(status(ClockId.STAGE_REPLY, thursday).dueOn()).isEqualTo(d("2026-03-08"));
        assertThat(status(ClockId.CONTACT, thursday).state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        assertThat(status(ClockId.MEETING, thursday).state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        assertThat(status(ClockId.MEETING, at("2026-03-06", 23)).state()).isEqualTo(TimeLimits.ClockState.RUNNING);
        assertThat(status(ClockId.MEETING, at("2026-03-07", 0)).state()).isEqualTo(TimeLimits.ClockState.DUE_SOON);
        assertThat(status(ClockId.CONTACT, at("2026-03-07", 9)).state()).isEqualTo(TimeLimits.ClockState.OVERDUE);
        // The fast track's next attention is the contact due instant, the end of Fri 6 Mar (no warning window).
        assertThat(service.timeLimits().nextAttention(service.history(id).orElseThrow().state().timing().obligations(), "fast-track-123",
                Category.CLAIM, new RegionCode(REGION))).contains(at("2026-03-07", 0));

        applied(new ProcedureCommand.RecordContact(id, key(), staff, ContactKind.PHONE, d("2026-03-06")));
        applied(new ProcedureCommand.Accept(id, key(), staff, d("2026-03-06")));
        applied(new ProcedureCommand.GiveStageReply(id, key(), staff, "正在调查核实，预计两周内答复。", d("2026-03-08")));
        applied(new ProcedureCommand.RecordContact(id, key(), staff, ContactKind.HOME_VISIT, d("2026-03-09")));

        assertThat(status(ClockId.CONTACT).state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(status(ClockId.CONTACT).metOn()).isEqualTo(d("2026-03-06"));
        TimeLimits.ObligationStatus meeting = status(ClockId.MEETING);
        assertThat(meeting.state()).isEqualTo(TimeLimits.ClockState.MET_LATE);
        assertThat(meeting.daysLate()).isEqualTo(2);
        TimeLimits.ObligationStatus reply = status(ClockId.STAGE_REPLY);
        assertThat(reply.state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(reply.metOn()).isEqualTo(d("2026-03-08"));
        assertThat(reply.daysLate()).isZero();
    }

    @Test
    void theNationalProfileHasNoFastTrackClocks() {
        clock.set(at("2026-03-12", 10));
        registerAndRoute(null, "2026-03-04", "2026-03-05");
        assertThat(service.obligations(id, clock.instant()).orElseThrow()).extracting(TimeLimits.ObligationStatus::source)
                .doesNotContain(ClockId.CONTACT, ClockId.MEETING, ClockId.STAGE_REPLY, ClockId.ACCEPTANCE);
    }

    // ------------------------------------------------------------------ termination

    private void concludeAndServe(String profile) {
        registerAndRoute(profile, "2026-03-02", "2026-03-04");
        applied(new ProcedureCommand.Accept(id, key(), staff, d("2026-03-06")));
        applied(new ProcedureCommand.ProposeConclusion(id, key(), staff, Outcome.SUPPORTED, "予以支持。", d("2026-04-20")));
        applied(new ProcedureCommand.ApproveConclusion(id, key(), Org.headOf(HOUSING), d("2026-04-21")));
        applied(new ProcedureCommand.ServeReply(id, key(), staff, d("2026-04-22")));
    }

    @Test
    void terminationIsAllowedUnderShandongAndStopsTheReviewWindow() {
        clock.set(at("2026-05-10", 10));
        concludeAndServe("shandong-2015");
        // Review request window: 30 days after Wed 22 Apr is Fri 22 May.
        assertThat(status(ClockId.REVIEW_REQUEST).dueOn()).isEqualTo(d("2026-05-22"));
        applied(new ProcedureCommand.Terminate(id, key(), Org.officeHead(), "《山东省信访条例》", d("2026-05-08")));
        assertThat(service.history(id).orElseThrow().state().stage()).isEqualTo(Stage.TERMINATED);
        assertThat(status(ClockId.REVIEW_REQUEST).state()).isEqualTo(TimeLimits.ClockState.STOPPED);
        assertThat(status(ClockId.HANDLING).state()).isEqualTo(TimeLimits.ClockState.MET);
        assertThat(service.timeLimits().nextAttention(service.history(id).orElseThrow().state().timing().obligations(), "shandong-2015",
                Category.CLAIM, new RegionCode(REGION))).isEmpty();
    }

    @Test
    void terminationIsRefusedUnderTheNationalProfile() {
        clock.set(at("2026-05-10", 10));
        concludeAndServe(null);
        rejected(new ProcedureCommand.Terminate(id, key(), Org.officeHead(), "无", d("2026-05-08")),
                Rejection.Code.NOT_PROVIDED_BY_PROFILE);
        assertThat(service.history(id).orElseThrow().state().stage()).isEqualTo(Stage.CONCLUDED);
        assertThat(status(ClockId.REVIEW_REQUEST).state()).isEqualTo(TimeLimits.ClockState.RUNNING);
    }

    // ------------------------------------------------------------------ beyond the calendar

    @Test
    void aDueDateBeyond2026IsProvisionalOnWeekendRules() {
        clock.set(at("2026-12-10", 10));
        registerAndRoute(null, "2026-11-27", "2026-11-30");
        applied(new ProcedureCommand.Accept(id, key(), staff, d("2026-12-01")));
        // 60 days after Tue 1 Dec 2026 is Sat 30 Jan 2027: no notice for 2027 yet, so Saturday/Sunday rules
        // roll it to Mon 1 Feb 2027, and the answer is provisional.
        TimeLimits.ObligationStatus handling = status(ClockId.HANDLING);
        assertThat(handling.dueOn()).isEqualTo(d("2027-02-01"));
        assertThat(handling.dueIsFinal()).isFalse();
        // A due date well inside 2026 is final.
        TimeLimits.ObligationStatus telling = status(ClockId.TELLING);
        assertThat(telling.dueOn()).isEqualTo(d("2026-12-15"));
        assertThat(telling.dueIsFinal()).isTrue();
        // Objection from Mon 30 Nov: 5 working days end on Mon 7 Dec, final.
        assertThat(status(ClockId.OBJECTION, at("2026-12-01", 9)).dueIsFinal()).isTrue();
    }

    @Test
    void aCalendarBuiltToFailNamesTheUncoveredDate() {
        TimeLimits failing = TimeLimits.builder().uncoveredDates(WorkCalendar.UncoveredDatePolicy.FAIL).build();
        Obligations ledger = Obligations.empty().apply(Fact.RECEIVED, d("2026-11-27"), 0)
                .apply(Fact.ROUTED, d("2026-11-30"), 0).apply(Fact.ACCEPTED, d("2026-12-01"), 0);
        RegionCode region = new RegionCode(REGION);
        assertThatThrownBy(() -> failing.obligations(ledger, "national-2022", Category.CLAIM, region, at("2026-12-10", 10)))
                .isInstanceOf(WorkCalendar.CoverageException.class)
                .hasMessageContaining("2027-01-30")
                .satisfies(e -> assertThat(((WorkCalendar.CoverageException) e).date()).isEqualTo(d("2027-01-30")));
        assertThatThrownBy(() -> failing.nextAttention(ledger, "national-2022", Category.CLAIM, region))
                .isInstanceOf(WorkCalendar.CoverageException.class)
                .hasMessageContaining("2027-01-30");
        // The same case with a suggestion (no handling clock) stays inside 2026 and is answered.
        assertThat(failing.obligations(ledger, "national-2022", Category.SUGGESTION, region, at("2026-12-10", 10)))
                .extracting(TimeLimits.ObligationStatus::source).doesNotContain(ClockId.HANDLING);
        // Routed on Mon 28 Dec 2026: telling ends on 12 Jan 2027, which no notice covers yet.
        Obligations lateRouting = Obligations.empty().apply(Fact.RECEIVED, d("2026-12-10"), 0)
                .apply(Fact.ROUTED, d("2026-12-28"), 0);
        assertThatThrownBy(() -> failing.obligations(lateRouting, "national-2022", Category.SUGGESTION, region, at("2026-12-29", 10)))
                .isInstanceOf(WorkCalendar.CoverageException.class)
                .satisfies(e -> assertThat(((WorkCalendar.CoverageException) e).date()).isEqualTo(d("2027-01-12")));
        // The objection window alone (5 working days from 28 Dec) runs off the end of 2026 at 1 Jan 2027.
        Obligations objectionOnly = new Obligations(List.of(lateRouting.of(ClockId.OBJECTION).orElseThrow()));
        assertThatThrownBy(() -> failing.obligations(objectionOnly, "national-2022", Category.SUGGESTION, region, at("2026-12-29", 10)))
                .isInstanceOf(WorkCalendar.CoverageException.class)
                .hasMessageContaining("2027-01-01");
        // On weekend rules the same window is provisional: Tue 29, Wed 30, Thu 31 Dec, then Fri 1 Jan 2027 (a working day
        // on weekend rules, though New Year's Day will surely be off once the 2027 notice is loaded) and Mon 4 Jan.
        TimeLimits.ObligationStatus provisional = TimeLimits.standard().obligations(objectionOnly, "national-2022", Category.SUGGESTION,
                region, at("2026-12-29", 10)).get(0);
        assertThat(provisional.dueOn()).isEqualTo(d("2027-01-04"));
        assertThat(provisional.dueIsFinal()).isFalse();
    }

    @Test
    void aServiceOnAFailingCalendarSaysSoForADueDateBeyondCoverage() {
        service = CaseService.builder(InMemoryCaseStore.create(), Org.DIRECTORY, clock)
                .timeLimits(TimeLimits.builder().uncoveredDates(WorkCalendar.UncoveredDatePolicy.FAIL).build()).build();
        clock.set(at("2026-12-10", 10));
        registerAndRoute(null, "2026-11-27", "2026-11-30");
        assertThat(status(ClockId.TELLING).dueOn()).isEqualTo(d("2026-12-15"));
        assertThatThrownBy(() -> service.handle(new ProcedureCommand.Accept(id, key(), staff, d("2026-12-01"))))
                .isInstanceOf(WorkCalendar.CoverageException.class)
                .hasMessageContaining("2027-01-30");
    }
}
