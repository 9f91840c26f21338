package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.testing.DomainGenerators;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Properties of clock statuses and the next attention instant, over random ledgers, the shipped profiles and the official calendar. */
class ClockProperties {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final TimeLimits LIMITS = TimeLimits.standard();
    private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 12, 31);
    private static final Set<TimeLimits.ClockState> CLOSED = EnumSet.of(TimeLimits.ClockState.MET, TimeLimits.ClockState.MET_LATE, TimeLimits.ClockState.STOPPED,
            TimeLimits.ClockState.PAUSED);

    // ------------------------------------------------------------------ generators

    private static Gen<LocalDate> dates() {
        return longs().between(FIRST.toEpochDay(), LAST.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    private static Gen<String> profiles() {
        List<String> ids = new ArrayList<>();
        for (Profile p : ProfileCatalogue.shipped().all()) ids.add(p.id());
        return arbitrary().pick(ids);
    }

    /** Hangzhou (national calendar) and Guigang, Guangxi (with the 壮族三月三 overlay). */
    private static Gen<RegionCode> regions() {
        return arbitrary().pick(List.of(new RegionCode("330106"), new RegionCode("450802"), new RegionCode("110105")));
    }

    private static Gen<Category> categories() {
        return arbitrary().enumValues(Category.class);
    }

    /** One run of a clock with any combination of facts a history can give it. */
    private static Gen<Obligation> runs(ClockId clock) {
        Gen<Integer> small = integers().between(0, 80);
        Gen<Boolean> coin = booleans().all();
        return in -> {
            LocalDate start = dates().generate(in);
            int shape = integers().between(0, 3).generate(in);   // 0 open, 1 met, 2 stopped, 3 paused
            LocalDate met = shape == 1 ? start.plusDays(small.generate(in)) : null;
            LocalDate pausedSince = shape == 3 ? start.plusDays(small.generate(in)) : null;
            int extension = clock == ClockId.HANDLING && coin.generate(in) ? integers().between(1, 60).generate(in) : 0;
            int paused = clock == ClockId.RE_REVIEW && coin.generate(in) ? integers().between(1, 40).generate(in) : 0;
            return new Obligation(clock, integers().between(1, 3).generate(in), start, null, null, met, shape == 2, extension, paused,
                    pausedSince, coin.generate(in), coin.generate(in));
        };
    }

    /** A duty from a case's facts, due on a named day or within a limit, open, met or stopped, warned or breached or not. */
    private static Gen<Obligation> duties() {
        Gen<Boolean> coin = booleans().all();
        return in -> {
            DutyId id = DomainGenerators.dutyIds().generate(in);
            LocalDate start = dates().generate(in);
            boolean named = coin.generate(in);
            int shape = integers().between(0, 2).generate(in);   // 0 open, 1 met, 2 stopped
            LocalDate met = shape == 1 ? start.plusDays(integers().between(0, 80).generate(in)) : null;
            return new Obligation(id, 1, start, named ? start.plusDays(integers().between(0, 90).generate(in)) : null,
                    named ? null : TimeLimit.workingDays(integers().between(1, 10).generate(in)), met, shape == 2, 0, 0, null,
                    coin.generate(in), coin.generate(in));
        };
    }

    /** Ledgers with any subset of clocks in any state, mixed with ledgers built by applying random facts. */
    private static Gen<Obligations> ledgers() {
        Gen<Obligations> direct = in -> {
            List<Obligation> runs = new ArrayList<>();
            for (ClockId c : ClockId.values()) {
                if (booleans().all().generate(in)) runs.add(runs(c).generate(in));
            }
            java.util.Set<Obligation.Source> seen = new java.util.HashSet<>();
            for (int n = integers().between(0, 3).generate(in); n > 0; n--) {
                Obligation duty = duties().generate(in);
                if (seen.add(duty.source())) runs.add(duty);
            }
            return new Obligations(runs);
        };
        return direct.mix(DomainGenerators.clockLedgers(), 30);
    }

    /** What a case's clocks are a function of. */
    private record Subject(Obligations ledger, String profile, Category category, RegionCode region) {
        /** @return the statuses of the subject's clocks at the instant, by the standard time limits */
        List<TimeLimits.ObligationStatus> clocks(Instant at) {
            return LIMITS.obligations(ledger, profile, category, region, at);
        }
    }

    private static Gen<Subject> subjects() {
        return ledgers().zip(profiles(), categories(), regions(), Subject::new);
    }

    private static Gen<Instant> instants() {
        return longs().between(FIRST.atStartOfDay(SHANGHAI).toEpochSecond(),
                LAST.plusDays(120).atStartOfDay(SHANGHAI).toEpochSecond()).map((Long s) -> Instant.ofEpochSecond(s));
    }

    // ------------------------------------------------------------------ (a) determinism

    @Test
    void theSameLedgerProfileAndCalendarAlwaysGiveTheSameDueDatesAndNextAttention() {
        TimeLimits other = TimeLimits.builder().build();
        qt().forAll(subjects()).checkAssert(subject -> {
            Obligations ledger = subject.ledger();
            String profile = subject.profile();
            Category category = subject.category();
            RegionCode region = subject.region();
            Instant at = Instant.parse("2026-06-30T02:00:00Z");
            Obligations copy = new Obligations(new ArrayList<>(ledger.runs()));
            assertThat(other.obligations(copy, profile, category, region, at))
                    .isEqualTo(LIMITS.obligations(ledger, profile, category, region, at));
            assertThat(other.nextAttention(copy, profile, category, region))
                    .isEqualTo(LIMITS.nextAttention(ledger, profile, category, region));
            // and the same service asked twice agrees with itself
            assertThat(LIMITS.nextAttention(ledger, profile, category, region))
                    .isEqualTo(LIMITS.nextAttention(ledger, profile, category, region));
        });
    }

    // ------------------------------------------------------------------ (b) due dates

    @Test
    void aDueDateIsNeverBeforeItsStartAndEndsOnAWorkingDayWhenItRolls() {
        qt().forAll(subjects(), instants()).checkAssert((subject, at) -> {
            String profile = subject.profile();
            WorkCalendar calendar = LIMITS.calendar(subject.region());
            Profile p = LIMITS.profile(profile).orElseThrow();
            for (TimeLimits.ObligationStatus s : subject.clocks(at)) {
                // a profile clock's limit is its rule's; a duty's is its own, or none when its fact named the day
                TimeLimit limit = s.source() instanceof ClockId c ? p.rule(c).orElseThrow().limit()
                        : subject.ledger().of(s.source()).orElseThrow().limit();
                assertThat(s.dueOn()).as("%s", s).isAfterOrEqualTo(s.startedOn());
                assertThat(s.dueAt()).isEqualTo(s.dueOn().plusDays(1).atStartOfDay(SHANGHAI).toInstant());
                if (limit != null && (limit.dayCount() == TimeLimit.DayCount.WORKING_DAYS || limit.rollsToWorkingDay())) {
                    assertThat(calendar.isWorkingDay(s.dueOn())).as("%s on %s", s, profile).isTrue();
                }
                if (s.warnAt() != null) assertThat(s.warnAt()).isBefore(s.dueAt());
            }
        });
    }

    @Test
    void aCalendarDayLimitThatRollsEndsOnTheFirstWorkingDayOnOrAfterItsLastDay() {
        Gen<TimeLimit> limits = integers().between(0, 400).zip(booleans().all(), booleans().all(), (n, working, start) ->
                new TimeLimit(start ? n + 1 : n, working ? TimeLimit.DayCount.WORKING_DAYS : TimeLimit.DayCount.CALENDAR_DAYS, start, true));
        qt().forAll(limits, dates(), regions()).checkAssert((limit, start, region) -> {
            WorkCalendar calendar = LIMITS.calendar(region);
            WorkCalendar.Answer due = limit.due(start, calendar);
            assertThat(due.date()).isAfterOrEqualTo(limit.countsStartDay() ? start : start.plusDays(Math.min(1, limit.length())));
            assertThat(calendar.isWorkingDay(due.date())).isTrue();
            if (limit.dayCount() == TimeLimit.DayCount.CALENDAR_DAYS) {
                LocalDate last = (limit.countsStartDay() ? start.minusDays(1) : start).plusDays(limit.length());
                assertThat(due.date()).isAfterOrEqualTo(last);
                for (LocalDate d = last; d.isBefore(due.date()); d = d.plusDays(1)) {
                    assertThat(calendar.isWorkingDay(d)).as("%s rolled past the working day %s", limit, d).isFalse();
                }
                assertThat(limit.withoutRolling().due(start, calendar).date()).isEqualTo(last);
            }
        });
    }

    // ------------------------------------------------------------------ (c) extensions

    @Test
    void anExtensionNeverMakesHandlingEarlierAndMovesItsUnrolledEndByItsDays() {
        Gen<Obligation> openHandling = dates().map((LocalDate start) -> new Obligation(ClockId.HANDLING, 1, start, null, null, null, false, 0, 0,
                null, false, false));
        qt().forAll(openHandling, integers().between(1, 90), profiles(), regions()).checkAssert((run, days, profile, region) -> {
            WorkCalendar calendar = LIMITS.calendar(region);
            Profile.ClockRule rule = LIMITS.profile(profile).orElseThrow().rule(ClockId.HANDLING).orElseThrow();
            Obligations before = new Obligations(List.of(run));
            Obligations after = before.apply(Fact.EXTENDED, run.startedOn().plusDays(10), days);
            Obligation extended = after.of(ClockId.HANDLING).orElseThrow();
            assertThat(extended.extensionDays()).isEqualTo(days);
            LocalDate was = TimeLimits.dueDate(run, rule.limit(), calendar).date();
            LocalDate is = TimeLimits.dueDate(extended, rule.limit(), calendar).date();
            assertThat(is).isAfterOrEqualTo(was);
            LocalDate unrolledBefore = run.startedOn().plusDays(rule.limit().length());
            assertThat(is).isAfterOrEqualTo(unrolledBefore.plusDays(days));
            if (rule.limit().dayCount() == TimeLimit.DayCount.WORKING_DAYS) assertThat(is).isAfterOrEqualTo(was.plusDays(days));
            // the status shows the same date
            Category category = rule.categories().iterator().next();
            Instant at = run.startedOn().atStartOfDay(SHANGHAI).toInstant();
            assertThat(LIMITS.obligations(after, profile, category, region, at).get(0).dueOn()).isEqualTo(is);
        });
    }

    // ------------------------------------------------------------------ (d) next attention

    @Test
    void nextAttentionIsTheEarliestPendingWarningDueInstantOrWindowEndOverTheStatusesOfRunsNotYetBreached() {
        qt().forAll(subjects(), instants()).checkAssert((subject, at) -> {
            Obligations ledger = subject.ledger();
            Instant expected = null;
            for (TimeLimits.ObligationStatus s : subject.clocks(at)) {
                if (CLOSED.contains(s.state())) continue;   // met, stopped or paused: nothing to watch
                Obligation run = ledger.of(s.source()).orElseThrow();
                if (run.breached()) continue;               // its breach or lapse is recorded: nothing more to do
                Instant candidate;
                if (s.source().isWindow()) {
                    candidate = s.dueAt();
                } else {
                    candidate = s.warnAt() != null && !run.warned() ? s.warnAt() : s.dueAt();
                }
                if (expected == null || candidate.isBefore(expected)) expected = candidate;
            }
            assertThat(LIMITS.nextAttention(ledger, subject.profile(), subject.category(), subject.region()))
                    .isEqualTo(Optional.ofNullable(expected));
        });
    }

    // ------------------------------------------------------------------ (e) monotone states

    private static int rank(TimeLimits.ClockState s) {
        switch (s) {
            case RUNNING: return 0;
            case DUE_SOON: return 1;
            case OVERDUE: return 2;
            default: throw new AssertionError("an open duty clock was " + s);
        }
    }

    @Test
    void anOpenDutyClockGoesFromRunningToDueSoonToOverdueAndNeverBack() {
        List<ClockId> duties = new ArrayList<>();
        for (ClockId c : ClockId.values()) if (c.kind() == ClockId.Kind.DUTY) duties.add(c);
        qt().forAll(arbitrary().pick(duties), dates(), profiles(), integers().between(0, 24 * 41 - 1))
                .checkAssert((clock, start, profile, hourAndExtra) -> {
                    int hour = hourAndExtra % 24;
                    int extra = hourAndExtra / 24;
                    Profile p = LIMITS.profile(profile).orElseThrow();
                    Optional<Profile.ClockRule> rule = p.rule(clock);
                    if (rule.isEmpty()) return;   // the profile has no such clock: nothing to observe
                    Category category = rule.get().categories().iterator().next();
                    RegionCode region = new RegionCode("330106");
                    Obligations ledger = new Obligations(List.of(new Obligation(clock, 1, start, null, null, null, false,
                            clock == ClockId.HANDLING ? extra : 0, clock == ClockId.RE_REVIEW ? extra : 0, null, false, false)));
                    int last = -1;
                    boolean sawDueSoon = false;
                    TimeLimits.ClockState previous = null;
                    LocalDate due = null;
                    for (LocalDate d = start; ; d = d.plusDays(1)) {
                        TimeLimits.ObligationStatus s = LIMITS.obligations(ledger, profile, category, region,
                                d.atTime(hour, 0).atZone(SHANGHAI).toInstant()).get(0);
                        due = s.dueOn();
                        int r = rank(s.state());
                        assertThat(r).as("%s on %s after %s", s.state(), d, previous).isGreaterThanOrEqualTo(last);
                        assertThat(s.state() == TimeLimits.ClockState.OVERDUE).isEqualTo(d.isAfter(due));
                        assertThat(s.daysLate()).isEqualTo(d.toEpochDay() - due.toEpochDay());
                        last = r;
                        previous = s.state();
                        sawDueSoon |= s.state() == TimeLimits.ClockState.DUE_SOON;
                        if (d.isAfter(due.plusDays(2))) break;
                    }
                    assertThat(previous).isEqualTo(TimeLimits.ClockState.OVERDUE);
                    assertThat(sawDueSoon).as("a warning window of %s days", rule.get().warnDays())
                            .isEqualTo(rule.get().warnDays() > 0);
                });
    }
}
