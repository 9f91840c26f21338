package io.github.xinfang.time;

import io.github.xinfang.time.Obligation.DutyId;
import io.github.xinfang.time.Obligation.ClockId;
import io.github.xinfang.calendar.CalendarOverlay;
import io.github.xinfang.calendar.TimeLimit;
import io.github.xinfang.calendar.WorkCalendar;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.RegionCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;

/**
 * The one small time-limit interface decisions and clocks read: the profiles a case may have, the work
 * calendar of a region, and the zone in which instants become dates. Everything else (window ends,
 * clock due dates, states, the next attention instant) is derived here from those, counted as DESIGN.md
 * section 2 says. {@link #standard()} is the implementation a portal normally uses, {@link #builder()} a variant of it.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface TimeLimits {

    /** The id of the national profile under the 2022 《信访工作条例》. */
    String NATIONAL_2022 = "national-2022";

    /**
     * The shipped profiles ({@link ProfileCatalogue#shipped()}) on the official work calendar with the shipped regional
     * overlays; a due date beyond the last loaded notice is computed on Saturday/Sunday rules and reported
     * provisional ({@link WorkCalendar.UncoveredDatePolicy#WEEKENDS_ONLY}).
     *
     * @return the time limits a portal normally uses
     */
    static TimeLimits standard() {
        return builder().build();
    }

    /** @return a builder of the standard time limits, starting from the shipped profiles and calendar */
    static Builder builder() {
        return new Builder();
    }

    /**
     * @param id a profile id
     * @return the profile, if known
     */
    Optional<Profile> profile(String id);

    /**
     * @param region a case's region
     * @return the work calendar for cases in that region (the national calendar with the region's overlays)
     */
    WorkCalendar calendar(RegionCode region);

    /** @return the profile a case gets when registration names none */
    default String defaultProfile() {
        return NATIONAL_2022;
    }

    /** @return the zone in which instants become dates (Asia/Shanghai by default) */
    default ZoneId zone() {
        return WorkCalendar.DEFAULT_ZONE;
    }

    /**
     * @param id a profile id
     * @return whether the profile is known
     */
    default boolean knowsProfile(String id) {
        return profile(id).isPresent();
    }

    /**
     * The last day of a clock that started on a date (windows: the last day a request is in time).
     *
     * @param profile the case's profile
     * @param clock the clock
     * @param region the case's region
     * @param start the date of the starting fact
     * @return the last day, or empty if the profile does not have the clock
     */
    default Optional<LocalDate> lastDay(String profile, ClockId clock, RegionCode region, LocalDate start) {
        return profile(profile).flatMap(p -> p.rule(clock)).map(r -> r.limit().dueDate(start, calendar(region)));
    }

    /**
     * @param profile the case's profile
     * @param category the case's category
     * @return whether the profile gives the category a handling clock (nationally: 申诉求决类 only)
     */
    default boolean hasHandlingClock(String profile, Category category) {
        return profile(profile).flatMap(p -> p.rule(ClockId.HANDLING)).map(r -> r.appliesTo(category)).orElse(false);
    }

    /**
     * @param profile the case's profile
     * @return the longest extension of the handling limit, in days (nationally 30)
     */
    default int maxExtensionDays(String profile) {
        return profile(profile).map(Profile::maxExtensionDays).orElse(0);
    }

    /**
     * @param profile the case's profile
     * @return whether the profile's region provides for termination (终结)
     */
    default boolean terminationProvided(String profile) {
        return profile(profile).map(Profile::terminationProvided).orElse(false);
    }

    /**
     * The obligations of a case as of an instant: each profile clock's latest run that the profile has a rule for and
     * that applies to the category, in {@link ClockId} order, then each duty, in the order it started.
     *
     * @param ledger the case's obligations
     * @param profile the case's profile
     * @param category the case's category
     * @param region the case's region (its calendar counts the limits)
     * @param at the instant
     * @return their statuses
     * @since 0.4
     */
    default List<ObligationStatus> obligations(Obligations ledger, String profile, Category category, RegionCode region, Instant at) {
        List<ObligationStatus> out = new ArrayList<>(ledger.runs().size());
        if (ledger.runs().isEmpty()) return out;
        Optional<Profile> p = profile(profile);
        WorkCalendar calendar = calendar(region);
        LocalDate today = LocalDate.ofInstant(at, zone());
        for (Obligation run : ledger.runs()) {
            WorkCalendar.Answer due = due(run, p, category, calendar);
            if (due != null) out.add(status(run, due, warnDays(run, p), at, today));
        }
        return out;
    }

    /**
     * The next instant a case needs attention: the earliest warning (not yet recorded) or due instant of its open
     * duties (profile clocks and duties from its facts) whose breach is not yet recorded, and the end of its open
     * windows whose lapse is not yet recorded. Paused clocks wait. A run whose breach or lapse is recorded needs no
     * more attention, even while it stays open (the deadline sweep records nothing more for it), so a case whose only
     * pending obligations are breached is not claimed by every sweep again. A pure function of the ledger, the profile
     * and the calendar, so it can be stored in the index row.
     *
     * @param ledger the case's obligations
     * @param profile the case's profile
     * @param category the case's category
     * @param region the case's region
     * @return the instant, or empty when nothing is pending
     */
    default Optional<Instant> nextAttention(Obligations ledger, String profile, Category category, RegionCode region) {
        if (ledger.runs().isEmpty()) return Optional.empty();
        Optional<Profile> p = profile(profile);
        WorkCalendar calendar = calendar(region);
        Instant next = null;
        for (Obligation run : ledger.runs()) {
            if (!run.isOpen() || run.pausedSince() != null || run.breached()) continue;
            WorkCalendar.Answer due = due(run, p, category, calendar);
            if (due == null) continue;
            Instant dueAt = overdueFrom(due.date());
            Instant warnAt = run.source().isWindow() ? null : warnAt(warnDays(run, p), dueAt);
            Instant candidate = warnAt != null && !run.warned() && warnAt.isBefore(dueAt) ? warnAt : dueAt;
            if (next == null || candidate.isBefore(next)) next = candidate;
        }
        return Optional.ofNullable(next);
    }

    /**
     * @return how many days before its due date a duty from the case's facts ({@link DutyId}) is due soon (default 2;
     *     0 for no warning)
     * @since 0.2
     */
    default int dutyWarningDays() {
        return 2;
    }

    /**
     * @return the time a package leader whose rank fell below a raised requirement has to be replaced
     *     (default 5 working days, 提级包案)
     * @since 0.2
     */
    default TimeLimit replacementLimit() {
        return TimeLimit.workingDays(5);
    }

    /**
     * The earliest due instant of a case's open duties (profile clocks and duties from its facts; windows excluded):
     * the case is overdue at any instant not before it. Paused clocks wait.
     *
     * @param ledger the case's obligations
     * @param profile the case's profile
     * @param category the case's category
     * @param region the case's region
     * @return the instant, or empty when no duty is open
     * @since 0.2
     */
    default Optional<Instant> earliestDue(Obligations ledger, String profile, Category category, RegionCode region) {
        Instant earliest = null;
        for (Instant dueAt : dueInstants(ledger, profile, category, region).values()) {
            if (earliest == null || dueAt.isBefore(earliest)) earliest = dueAt;
        }
        return Optional.ofNullable(earliest);
    }

    /**
     * The open duties of a case (profile clocks and duties from its facts; windows excluded; paused clocks wait, so
     * they are excluded too), each with the instant it becomes overdue (the start of the day after its last day, in
     * {@link #zone()}): the ones {@link #earliestDue} takes the earliest of, and the index row's clock dues. Each is
     * named by its source's text form ({@link Obligation.Source}: {@code HANDLING}, {@code PLAN_STEP:2.3}).
     *
     * @param ledger the case's obligations
     * @param profile the case's profile
     * @param category the case's category
     * @param region the case's region
     * @return the due instants by name, sorted by name; empty when no duty is open
     * @since 0.4
     */
    default java.util.SortedMap<String, Instant> dueInstants(Obligations ledger, String profile, Category category, RegionCode region) {
        java.util.SortedMap<String, Instant> dues = new java.util.TreeMap<>();
        if (ledger.runs().isEmpty()) return dues;
        Optional<Profile> p = profile(profile);
        WorkCalendar calendar = calendar(region);
        for (Obligation run : ledger.runs()) {
            if (run.source().isWindow() || !run.isOpen() || run.pausedSince() != null) continue;
            WorkCalendar.Answer due = due(run, p, category, calendar);
            if (due != null) dues.merge(run.source().toString(), overdueFrom(due.date()), (x, y) -> x.isBefore(y) ? x : y);
        }
        return java.util.Collections.unmodifiableSortedMap(dues);
    }

    /**
     * The due date of a profile clock's run: its rule's limit lengthened by the run's extension and closed pauses.
     *
     * @param run the run
     * @param limit its rule's limit
     * @param calendar the case's calendar
     * @return the last day, final or provisional
     */
    static WorkCalendar.Answer dueDate(Obligation run, TimeLimit limit, WorkCalendar calendar) {
        TimeLimit lengthened = new TimeLimit(limit.length() + run.extensionDays() + run.pausedDays(), limit.dayCount(),
                limit.countsStartDay(), limit.rollsToWorkingDay());
        return lengthened.due(run.startedOn(), calendar);
    }

    /**
     * The due date of an obligation: a profile clock's from its rule, a duty's from the date its fact named or the
     * limit counted from its start; null when the profile has no rule for the clock or the rule does not apply to the
     * category.
     */
    private static WorkCalendar.Answer due(Obligation run, Optional<Profile> profile, Category category, WorkCalendar calendar) {
        if (run.source() instanceof ClockId clock) {
            Optional<Profile.ClockRule> rule = profile.flatMap(p -> p.rule(clock));
            if (rule.isEmpty() || !rule.get().appliesTo(category)) return null;
            return dueDate(run, rule.get().limit(), calendar);
        }
        return run.dueOn() != null ? new WorkCalendar.Answer(run.dueOn(), true) : run.limit().due(run.startedOn(), calendar);
    }

    /** The warning window of an obligation: its profile rule's for a profile clock, {@link #dutyWarningDays()} for a duty. */
    private int warnDays(Obligation run, Optional<Profile> profile) {
        if (run.source() instanceof ClockId clock) return profile.flatMap(p -> p.rule(clock)).map(Profile.ClockRule::warnDays).orElse(0);
        return dutyWarningDays();
    }

    /** The instant an obligation whose last day is {@code dueOn} becomes overdue: the start of the next day. */
    private Instant overdueFrom(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(zone()).toInstant();
    }

    private Instant warnAt(int warnDays, Instant dueAt) {
        return warnDays == 0 ? null : dueAt.atZone(zone()).minusDays(warnDays).toInstant();
    }

    private ObligationStatus status(Obligation run, WorkCalendar.Answer due, int warnDays, Instant at, LocalDate today) {
        Instant dueAt = overdueFrom(due.date());
        Instant warnAt = warnAt(warnDays, dueAt);
        ClockState state;
        long late;
        if (run.metOn() != null) {
            late = run.metOn().toEpochDay() - due.date().toEpochDay();
            state = late > 0 ? ClockState.MET_LATE : ClockState.MET;
        } else {
            late = today.toEpochDay() - due.date().toEpochDay();
            if (run.stopped()) state = ClockState.STOPPED;
            else if (run.pausedSince() != null) state = ClockState.PAUSED;
            else if (!at.isBefore(dueAt)) state = run.source().isWindow() ? ClockState.LAPSED : ClockState.OVERDUE;
            else if (warnAt != null && !at.isBefore(warnAt)) state = ClockState.DUE_SOON;
            else state = ClockState.RUNNING;
        }
        return new ObligationStatus(run.source(), run.round(), run.startedOn(), due.date(), dueAt, warnAt, due.isFinal(), state,
                run.metOn(), late, run.warned(), run.breached());
    }

    /**
     * The status of one clock at an instant. Immutable.
     *
     * @since 0.1
     */
    public enum ClockState {
        /** Running, outside its warning window. */
        RUNNING,
        /** Running, inside its warning window (预警). */
        DUE_SOON,
        /** A duty past its due instant (超期). */
        OVERDUE,
        /** Met on or before its due date. */
        MET,
        /** Met after its due date. */
        MET_LATE,
        /** Paused (a hearing in re-review). */
        PAUSED,
        /** A window past its end without being used. */
        LAPSED,
        /** Stopped without being met (terminal stage, objection, reopening, ...). */
        STOPPED
    }

    /**
     * One obligation of a case (a profile clock's run or a duty from its facts) as of an instant: its due date and
     * instant (the end of the due date in the case's zone), whether that date is final or provisional (the calendar
     * does not yet cover it for sure; a date a fact named is always final), its warning instant, its state and how
     * late or early it is. Immutable.
     *
     * @param source which clock or duty
     * @param round the run's number (1 for a duty)
     * @param startedOn the date of the starting fact
     * @param dueOn the last day of the limit
     * @param dueAt the instant the limit ends (the start of the day after {@code dueOn} in the case's zone)
     * @param warnAt when it becomes due soon, or null if it has no warning window
     * @param dueIsFinal whether every calendar answer behind {@code dueOn} is final
     * @param state the state at the instant asked
     * @param metOn the date it was met, or null
     * @param daysLate days past {@code dueOn} (met late or overdue: positive), or before it (negative)
     * @param warningRecorded whether the sweep recorded its warning
     * @param breachRecorded whether the sweep recorded its breach (a duty) or lapse (a window)
     * @since 0.4
     */
    public record ObligationStatus(Obligation.Source source, int round, LocalDate startedOn, LocalDate dueOn, Instant dueAt,
                                   Instant warnAt, boolean dueIsFinal, ClockState state, LocalDate metOn, long daysLate,
                                   boolean warningRecorded, boolean breachRecorded) {
        /** @throws NullPointerException naming a required argument that is null */
        public ObligationStatus {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(startedOn, "startedOn");
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(state, "state");
        }

        /** @return the warning instant, if it has one */
        public Optional<Instant> warning() {
            return Optional.ofNullable(warnAt);
        }
    }

    /**
     * Builds the standard {@link TimeLimits}: profiles from a {@link ProfileCatalogue} on the official work calendar
     * with regional overlays (see {@link #standard()}). Not thread-safe.
     *
     * @since 0.1
     */
    final class Builder {
        private ProfileCatalogue profiles;
        private WorkCalendar.UncoveredDatePolicy policy = WorkCalendar.UncoveredDatePolicy.WEEKENDS_ONLY;
        private final List<io.github.xinfang.calendar.CalendarSource> sources = new ArrayList<>();
        private List<CalendarOverlay> overlays;
        private String defaultProfile = NATIONAL_2022;
        private ZoneId zone = WorkCalendar.DEFAULT_ZONE;

        private Builder() {}

        /**
         * @param profiles the profiles (default: {@link ProfileCatalogue#shipped()})
         * @return this builder
         */
        public Builder profiles(ProfileCatalogue profiles) {
            this.profiles = Objects.requireNonNull(profiles, "profiles");
            return this;
        }

        /**
         * @param policy what an uncovered date does (default {@link WorkCalendar.UncoveredDatePolicy#WEEKENDS_ONLY})
         * @return this builder
         */
        public Builder uncoveredDates(WorkCalendar.UncoveredDatePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param source an extra calendar source (e.g. next year's notice in holiday-cn format), overriding earlier ones
         * @return this builder
         */
        public Builder calendarSource(io.github.xinfang.calendar.CalendarSource source) {
            sources.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * @param overlays the regional overlays (default: {@link CalendarOverlay#shipped()})
         * @return this builder
         */
        public Builder overlays(List<CalendarOverlay> overlays) {
            this.overlays = List.copyOf(overlays);
            return this;
        }

        /**
         * @param id the profile a case gets when registration names none (default {@code national-2022})
         * @return this builder
         */
        public Builder defaultProfile(String id) {
            this.defaultProfile = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param zone the zone in which instants become dates (default Asia/Shanghai)
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * @return the time limits
         * @throws IllegalArgumentException if the default profile is not in the catalogue
         */
        public TimeLimits build() {
            ProfileCatalogue p = profiles == null ? ProfileCatalogue.shipped() : profiles;
            if (p.get(defaultProfile).isEmpty()) throw new IllegalArgumentException("defaultProfile is not in the catalogue");
            List<CalendarOverlay> ov = overlays == null ? CalendarOverlay.shipped() : overlays;
            List<CalendarOverlay> everywhere = new ArrayList<>();
            Map<String, List<CalendarOverlay>> grouped = new LinkedHashMap<>();
            for (CalendarOverlay o : ov) {
                if (o.regionPrefix().isEmpty()) everywhere.add(o);
                else grouped.computeIfAbsent(o.regionPrefix(), k -> new ArrayList<>(everywhere)).add(o);
            }
            WorkCalendar national = calendar(everywhere);
            Map<String, WorkCalendar> byPrefix = new LinkedHashMap<>();
            grouped.forEach((prefix, list) -> {
                List<CalendarOverlay> all = new ArrayList<>(everywhere);
                for (CalendarOverlay o : list) if (!all.contains(o)) all.add(o);
                byPrefix.put(prefix, calendar(all));
            });
            return new StandardTimeLimits(p, national, Map.copyOf(byPrefix), defaultProfile, zone);
        }

        private WorkCalendar calendar(List<CalendarOverlay> overlays) {
            WorkCalendar.Builder b = WorkCalendar.builder().national().uncoveredDates(policy);
            for (io.github.xinfang.calendar.CalendarSource s : sources) b.withSource(s);
            for (CalendarOverlay o : overlays) b.withOverlay(o);
            return b.build();
        }
    }
}
