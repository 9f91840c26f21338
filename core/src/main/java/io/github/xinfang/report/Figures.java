package io.github.xinfang.report;

import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.time.TimeLimits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The metrics of DESIGN.md section 5 for a period, counted from case histories as known at an instant, with the previous
 * period and the same period a year earlier beside each figure. The entry point of the reports:
 * <pre>{@code
 * Figures f = Figures.of(timeLimits, Period.month(YearMonth.of(2026, 5)), asOf, Figures.Grouping.handlingUnit());
 * histories.forEach(f::accept);          // one case at a time, each its events in sequence order
 * Figures.Report r = f.report();         // r.figure(Metric.ON_TIME_CONCLUSION, "labour").current() -> 41/45 件 (91.1%)
 * }</pre>
 *
 * <p><b>Counting by fact, as known at an instant.</b> A history is read up to its first event recorded after {@code asOf};
 * what comes later is ignored, so a report re-run later for the same instant gives the same figures. Each fact counts in
 * the period holding its legal date (a conclusion's approval date, a petition's receipt date, ...), as each
 * {@link Metric} says, and is attributed to the group that held the case on that date: its handling unit, lead unit or
 * package leader then (procedure facts are read against the handling unit, resolution facts against the lead unit or
 * leader: pick the grouping that fits the metric), its region or category (as corrected by {@code asOf}: a correction
 * fixes data that was wrong from the start), or the batches it had been enrolled in by then. A fact with no holder that
 * day (a petition not yet routed, under the handling-unit grouping) counts under {@link #UNATTRIBUTED}, so the groups of
 * every grouping but the batches partition the whole: their numerators and denominators add up to {@link Report#total}.
 * A case is in as many batches as it was enrolled in; a batch's figures are its own.
 *
 * <p><b>Streaming.</b> {@link #accept} folds one case into counters and keeps nothing of it, so memory grows with the
 * groups and the values of the volume dimensions, not with the cases; a storage port that streams histories feeds it
 * case by case. Facts are read from the events (replayed through the evolve function), never from a stored snapshot.
 *
 * <p>A {@code Figures} is a mutable accumulator and <b>not thread-safe</b>: fill it from one thread (or one per shard,
 * each with its own). Its {@link Report} is immutable and thread-safe.
 *
 * @since 0.6
 */
public final class Figures {
    /** The group of a fact whose case had no holder of the grouping's kind on the fact's date. */
    public static final String UNATTRIBUTED = "-";
    /** The smallest headcount of a visit counted as a group visit (集体访, 批次). */
    public static final int GROUP_VISIT_HEADCOUNT = 5;

    private final Settings settings;
    private final Tally tally;
    private final Instant since;
    private long cases;

    private Figures(Settings settings, Period period) {
        this.settings = settings;
        this.tally = new Tally(List.of(period, period.previous(), period.yearEarlier()));
        LocalDate earliest = period.previous().first().isBefore(period.yearEarlier().first()) ? period.previous().first()
                : period.yearEarlier().first();
        this.since = earliest.atStartOfDay(settings.limits().zone()).toInstant();
    }

    /**
     * The instant a listing of the cases to feed starts from: the start, in the limits' zone, of the first day of the
     * earliest period reported (the period before, or the same period a year earlier). A fact is recorded on or after
     * its legal date, so {@code CaseListings.forEachTouching(regionPrefix, figures.since(), figures::accept)} feeds
     * every case the report can count.
     *
     * @return the instant
     */
    public Instant since() {
        return since;
    }

    /**
     * A report with the default options ({@link Options#DEFAULT}).
     *
     * @param limits the time limits the cases were handled under (profiles, calendars, zone): they give the due dates
     * @param period the period reported on
     * @param asOf the instant the facts are known at; its date in the limits' zone decides which limits have passed
     * @param grouping how the figures are grouped
     * @return an empty report to feed with histories
     * @throws NullPointerException naming a null argument
     */
    public static Figures of(TimeLimits limits, Period period, Instant asOf, Grouping grouping) {
        return of(limits, period, asOf, grouping, Options.DEFAULT);
    }

    /**
     * @param limits the time limits the cases were handled under
     * @param period the period reported on
     * @param asOf the instant the facts are known at
     * @param grouping how the figures are grouped
     * @param options the metrics' options
     * @return an empty report to feed with histories
     * @throws NullPointerException naming a null argument
     */
    public static Figures of(TimeLimits limits, Period period, Instant asOf, Grouping grouping, Options options) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(options, "options");
        return new Figures(new Settings(limits, asOf, LocalDate.ofInstant(asOf, limits.zone()), grouping, options), period);
    }

    /**
     * Folds one case into the figures.
     *
     * @param history the case's events in sequence order, from its first (as {@code CaseHistory.events()} gives them)
     * @return this
     * @throws NullPointerException if history is null
     * @throws IllegalArgumentException naming history when it is empty or not one case's events in order
     */
    public Figures accept(List<? extends CaseEvent> history) {
        Objects.requireNonNull(history, "history");
        if (history.isEmpty()) throw new IllegalArgumentException("history must not be empty");
        CaseFacts facts = new CaseFacts(settings);
        boolean known;
        try {
            known = facts.fold(history);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("history: not one case's events in sequence order", e);
        }
        if (known) {
            facts.countInto(tally);
            cases++;
        }
        return this;
    }

    /**
     * @param histories case histories, each as for {@link #accept}, read one at a time
     * @return this
     */
    public Figures acceptAll(Stream<? extends List<? extends CaseEvent>> histories) {
        Objects.requireNonNull(histories, "histories").forEachOrdered(this::accept);
        return this;
    }

    /**
     * @param histories case histories, each as for {@link #accept}, read one at a time
     * @return this
     */
    public Figures acceptAll(Iterable<? extends List<? extends CaseEvent>> histories) {
        for (List<? extends CaseEvent> h : Objects.requireNonNull(histories, "histories")) accept(h);
        return this;
    }

    /** @return the figures of what was accepted so far; accepting more afterwards does not change it */
    public Report report() {
        Map<String, Map<Metric, Change>> figures = new LinkedHashMap<>();
        figures.put(Tally.TOTAL, changes(Tally.TOTAL));
        SortedSet<String> groups = tally.groups();
        for (String g : groups) figures.put(g, changes(g));
        Map<String, Map<Dimension, SortedMap<String, long[][]>>> volumes = new LinkedHashMap<>();
        volumes.put(Tally.TOTAL, volumes(Tally.TOTAL));
        for (String g : groups) volumes.put(g, volumes(g));
        return new Report(tally.period(0), settings.asOf(), settings.grouping(), cases, figures, volumes);
    }

    private Map<Metric, Change> changes(String group) {
        Map<Metric, Change> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) out.put(m, new Change(tally.ratio(0, group, m), tally.ratio(1, group, m), tally.ratio(2, group, m)));
        return out;
    }

    private Map<Dimension, SortedMap<String, long[][]>> volumes(String group) {
        Map<Dimension, SortedMap<String, long[][]>> out = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            SortedMap<String, long[][]> byValue = new TreeMap<>();
            for (int p = 0; p < 3; p++) {
                for (Map.Entry<String, long[]> e : tally.volumes(p, d, group).entrySet()) {
                    long[][] n = byValue.computeIfAbsent(e.getKey(), k -> new long[3][3]);
                    for (int u = 0; u < 3; u++) n[u][p] = e.getValue()[u];
                }
            }
            out.put(d, byValue);
        }
        return out;
    }

    /** What every case of one report is read with. */
    record Settings(TimeLimits limits, Instant asOf, LocalDate asOfDate, Grouping grouping, Options options) {}

    /**
     * How a report groups its figures (DESIGN.md section 5). Immutable.
     *
     * @param kind what the groups are
     * @param regionDigits for {@link Kind#REGION}, how many leading digits of the region code name a group (2 province,
     *     4 city, 6 county); 0 otherwise
     * @since 0.6
     */
    public record Grouping(Kind kind, int regionDigits) {
        /** @throws NullPointerException if kind is null; IllegalArgumentException naming regionDigits when it does not fit the kind */
        public Grouping {
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.REGION ? regionDigits != 2 && regionDigits != 4 && regionDigits != 6 : regionDigits != 0) {
                throw new IllegalArgumentException("regionDigits must be 2, 4 or 6 for REGION and 0 otherwise");
            }
        }

        /** @return no groups: the whole only */
        public static Grouping none() {
            return new Grouping(Kind.NONE, 0);
        }

        /** @return by the unit handling the case on the fact's date (procedure metrics) */
        public static Grouping handlingUnit() {
            return new Grouping(Kind.HANDLING_UNIT, 0);
        }

        /** @return by the lead unit (主办单位) of the case's package assignment on the fact's date (resolution metrics) */
        public static Grouping leadUnit() {
            return new Grouping(Kind.LEAD_UNIT, 0);
        }

        /** @return by the package leader (包案领导) on the fact's date (resolution metrics) */
        public static Grouping packageLeader() {
            return new Grouping(Kind.PACKAGE_LEADER, 0);
        }

        /**
         * @param digits 6 for counties, 4 for cities, 2 for provinces
         * @return by the leading digits of the case's region code
         */
        public static Grouping region(int digits) {
            return new Grouping(Kind.REGION, digits);
        }

        /** @return by the batches (批次) the case was enrolled in by the fact's date: groups overlap */
        public static Grouping batch() {
            return new Grouping(Kind.BATCH, 0);
        }

        /** @return by the case's category (建议意见类, 检举控告类, 申诉求决类) */
        public static Grouping category() {
            return new Grouping(Kind.CATEGORY, 0);
        }

        /**
         * The kinds of grouping. Immutable.
         *
         * @since 0.6
         */
        public enum Kind {
            /** The whole only. */
            NONE,
            /** 办理单位 on the fact's date. */
            HANDLING_UNIT,
            /** 主办单位 on the fact's date. */
            LEAD_UNIT,
            /** 包案领导 on the fact's date. */
            PACKAGE_LEADER,
            /** A prefix of the region code. */
            REGION,
            /** 交办批次; overlapping. */
            BATCH,
            /** 信访类别. */
            CATEGORY
        }
    }

    /**
     * The options of the metrics. Immutable.
     *
     * @param firstContactWindowDays the window of {@link Metric#FIRST_CONTACT_RESOLUTION} in days after the conclusion, at
     *     least 1 (default 90)
     * @param basicallySatisfiedCounts whether 基本满意 counts as satisfied in the satisfaction rates (default true)
     * @since 0.6
     */
    public record Options(int firstContactWindowDays, boolean basicallySatisfiedCounts) {
        /** 90 days; 满意 and 基本满意 count as satisfied. */
        public static final Options DEFAULT = new Options(90, true);

        /** @throws IllegalArgumentException naming firstContactWindowDays when it is below 1 */
        public Options {
            if (firstContactWindowDays < 1) throw new IllegalArgumentException("firstContactWindowDays must be at least 1");
        }

        /**
         * @param rating a rating
         * @return whether it counts as satisfied
         */
        public boolean satisfied(CaseActivity.Satisfaction rating) {
            Objects.requireNonNull(rating, "rating");
            return rating == CaseActivity.Satisfaction.SATISFIED
                    || basicallySatisfiedCounts && rating == CaseActivity.Satisfaction.BASICALLY_SATISFIED;
        }
    }

    /**
     * The metrics of DESIGN.md section 5, each with the fact that dates it (the period a fact counts in) and its unit.
     * Immutable.
     *
     * @since 0.6
     */
    public enum Metric {
        /**
         * 及时受理率: runs of the acceptance clock (where the case's profile has one for its category) or else the telling
         * clock (告知) met on time ÷ runs that ended: dated by the day met if on time, else by the last day of the limit
         * (a run still open, or stopped, after its last day counts as late; one stopped before it does not count).
         */
        TIMELY_ACCEPTANCE("及时受理率", Ratio.Unit.CASES),
        /**
         * 按期办结率/按期答复率: runs of the handling clock concluded (approved) by their last day ÷ runs concluded or fallen due:
         * an on-time conclusion is dated by its approval, a late one, or a case still open past its limit, by the limit's
         * last day, so leaving a late case unconcluded never helps.
         */
        ON_TIME_CONCLUSION("按期办结率", Ratio.Unit.CASES),
        /**
         * 化解率: cases on the resolution track whose track stood RESOLVED on the period's last day ÷ cases on the track
         * that day (not counting cases already resolved before the period began; a batch counts all its cases).
         */
        RESOLUTION("化解率", Ratio.Unit.CASES),
        /** 申请化解率: as {@link #RESOLUTION}, with CLAIMED or RESOLVED on top ("924 handed down, 900 claimed, 97.4%"). */
        CLAIMED_RESOLUTION("申请化解率", Ratio.Unit.CASES),
        /** 实体化解率: as {@link #RESOLUTION}, with the substantively resolved cases on top. */
        SUBSTANTIVE_RESOLUTION("实体化解率", Ratio.Unit.CASES),
        /**
         * 一次性化解率: first petitions (初信初访) whose first conclusion was followed by no repeat petition, review or
         * re-review request within the window ÷ first petitions concluded whose window closed before the report's date;
         * dated by the conclusion. A new case registered as a repeat of it is another case and is not seen here.
         */
        FIRST_CONTACT_RESOLUTION("一次性化解率", Ratio.Unit.CASES),
        /**
         * 重复信访率 (件): cases petitioned about in the period (registered, or with a repeat petition received) that were
         * repeats there (registered as a repeat, or with a repeat petition) ÷ those cases; dated by the latest petition.
         */
        REPEAT_BY_CASES("重复信访率(件)", Ratio.Unit.CASES),
        /**
         * 重复信访率 (件次): repeat petitions (recorded on a case, or a new case registered as a repeat) ÷ all petitions
         * received (registrations and repeat petitions); dated by receipt.
         */
        REPEAT_BY_PETITIONS("重复信访率(件次)", Ratio.Unit.PETITIONS),
        /** 参评率: conclusions the petitioner rated (评价) ÷ conclusions; dated by the conclusion's approval. */
        RATING_PARTICIPATION("参评率", Ratio.Unit.CASES),
        /** 满意率 (评价): rated conclusions whose last rating counts as satisfied ÷ rated conclusions. */
        RATING_SATISFACTION("满意率(评价)", Ratio.Unit.CASES),
        /** 回访率: conclusions visited again (回访) ÷ conclusions; dated by the conclusion's approval. */
        FOLLOW_UP_COVERAGE("回访率", Ratio.Unit.CASES),
        /** 满意率 (回访): visited conclusions whose last follow-up rating counts as satisfied ÷ visited conclusions. */
        FOLLOW_UP_SATISFACTION("满意率(回访)", Ratio.Unit.CASES),
        /** 退回率 (办理): proposals of conclusion returned for rework ÷ proposals; dated by the proposal. */
        PROCEDURE_RETURNS("退回率(办理)", Ratio.Unit.PETITIONS),
        /** 退回率 (化解): claims of resolution returned ÷ claims; dated by the claim. */
        RESOLUTION_RETURNS("退回率(化解)", Ratio.Unit.PETITIONS);

        private final String chinese;
        private final Ratio.Unit unit;

        Metric(String chinese, Ratio.Unit unit) {
            this.chinese = chinese;
            this.unit = unit;
        }

        /** @return the Chinese name */
        public String chinese() {
            return chinese;
        }

        /** @return what its ratio counts */
        public Ratio.Unit unit() {
            return unit;
        }
    }

    /**
     * The dimensions petitions are counted by (volumes), each petition (registration or repeat) by its receipt date.
     * Immutable.
     *
     * @since 0.6
     */
    public enum Dimension {
        /** 信访形式: the channel of that petition. */
        CHANNEL,
        /** 内容分类: the case's subject area. */
        SUBJECT_AREA,
        /** 信访类别: the case's category. */
        CATEGORY,
        /** 行政区划: the case's full region code. */
        REGION
    }

    /**
     * One metric for the period, the previous period and the same period a year earlier. Immutable.
     *
     * @param current the period's ratio
     * @param previous the previous period's
     * @param yearEarlier the same period's a year earlier
     * @since 0.6
     */
    public record Change(Ratio current, Ratio previous, Ratio yearEarlier) {
        /** @throws NullPointerException naming a null argument */
        public Change {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(yearEarlier, "yearEarlier");
        }

        /** @return the change since the previous period in percentage points (2 decimals, half-up), or empty without data */
        public Optional<BigDecimal> pointsSincePrevious() {
            return points(previous);
        }

        /** @return the relative change since the previous period in % (1 decimal, half-up), or empty without data or from 0 */
        public Optional<BigDecimal> relativeSincePrevious() {
            return relative(previous);
        }

        /** @return the change since a year earlier in percentage points, or empty without data */
        public Optional<BigDecimal> pointsSinceYearEarlier() {
            return points(yearEarlier);
        }

        /** @return the relative change since a year earlier in %, or empty without data or from 0 */
        public Optional<BigDecimal> relativeSinceYearEarlier() {
            return relative(yearEarlier);
        }

        private Optional<BigDecimal> points(Ratio then) {
            if (current.isEmpty() || then.isEmpty()) return Optional.empty();
            return Optional.of(exactPercent(current).subtract(exactPercent(then)).setScale(2, RoundingMode.HALF_UP));
        }

        private Optional<BigDecimal> relative(Ratio then) {
            if (current.isEmpty() || then.isEmpty() || then.numerator() == 0) return Optional.empty();
            BigDecimal now = BigDecimal.valueOf(current.numerator()).multiply(BigDecimal.valueOf(then.denominator()));
            BigDecimal before = BigDecimal.valueOf(then.numerator()).multiply(BigDecimal.valueOf(current.denominator()));
            return Optional.of(now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP));
        }

        private static BigDecimal exactPercent(Ratio r) {
            return BigDecimal.valueOf(r.numerator()).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(r.denominator()), 10,
                    RoundingMode.HALF_UP);
        }
    }

    /**
     * A count for the period, the previous period and the same period a year earlier. Immutable.
     *
     * @param current the period's count
     * @param previous the previous period's
     * @param yearEarlier the same period's a year earlier
     * @since 0.6
     */
    public record Volume(long current, long previous, long yearEarlier) {
        /** @throws IllegalArgumentException naming a negative count */
        public Volume {
            if (current < 0) throw new IllegalArgumentException("current must not be negative");
            if (previous < 0) throw new IllegalArgumentException("previous must not be negative");
            if (yearEarlier < 0) throw new IllegalArgumentException("yearEarlier must not be negative");
        }

        /** @return the change since a year earlier in % (2 decimals, half-up, e.g. -12.91), or empty from 0 */
        public Optional<BigDecimal> relativeSinceYearEarlier() {
            return yearEarlier == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(current - yearEarlier)
                    .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(yearEarlier), 2, RoundingMode.HALF_UP));
        }

        /** @return the change since the previous period in % (2 decimals, half-up), or empty from 0 */
        public Optional<BigDecimal> relativeSincePrevious() {
            return previous == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(current - previous)
                    .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(previous), 2, RoundingMode.HALF_UP));
        }
    }

    /**
     * The figures of a report: every metric for the whole and for each group, and the volumes. Immutable and thread-safe.
     *
     * @since 0.6
     */
    public static final class Report {
        private final Period period;
        private final Instant asOf;
        private final Grouping grouping;
        private final long cases;
        private final Map<String, Map<Metric, Change>> figures;
        private final Map<String, Map<Dimension, SortedMap<String, long[][]>>> volumes;

        private Report(Period period, Instant asOf, Grouping grouping, long cases, Map<String, Map<Metric, Change>> figures,
                       Map<String, Map<Dimension, SortedMap<String, long[][]>>> volumes) {
            this.period = period;
            this.asOf = asOf;
            this.grouping = grouping;
            this.cases = cases;
            this.figures = figures;
            this.volumes = volumes;
        }

        /** @return the period reported on */
        public Period period() {
            return period;
        }

        /** @return the instant the facts are known at */
        public Instant asOf() {
            return asOf;
        }

        /** @return how the figures are grouped */
        public Grouping grouping() {
            return grouping;
        }

        /** @return how many cases existed at the instant among the histories read */
        public long cases() {
            return cases;
        }

        /** @return the groups that have a figure, sorted ({@link #UNATTRIBUTED} among them if a fact had no holder) */
        public SortedSet<String> groups() {
            SortedSet<String> out = new java.util.TreeSet<>(figures.keySet());
            out.remove(Tally.TOTAL);
            return java.util.Collections.unmodifiableSortedSet(out);
        }

        /**
         * @param metric a metric
         * @return its figure for all cases read
         */
        public Change total(Metric metric) {
            return figures.get(Tally.TOTAL).get(Objects.requireNonNull(metric, "metric"));
        }

        /**
         * @param metric a metric
         * @param group a group
         * @return its figure for the group; no data (0 ÷ 0) for a group without facts
         */
        public Change figure(Metric metric, String group) {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(group, "group");
            Map<Metric, Change> g = group.isEmpty() ? null : figures.get(group);
            if (g == null) return new Change(Ratio.none(metric.unit()), Ratio.none(metric.unit()), Ratio.none(metric.unit()));
            return g.get(metric);
        }

        /**
         * Petitions received, by a dimension's values, for all cases read ({@code group} null) or one group.
         *
         * @param dimension what to count by
         * @param unit {@link Ratio.Unit#PETITIONS} (件次), {@link Ratio.Unit#PERSONS} (人次, the headcounts) or
         *     {@link Ratio.Unit#GROUP_VISITS} (批次: visits of at least {@link #GROUP_VISIT_HEADCOUNT} people)
         * @param group a group, or null for all cases read
         * @return the counts by value, sorted by value
         * @throws IllegalArgumentException naming unit when it is {@link Ratio.Unit#CASES}
         */
        public SortedMap<String, Volume> volumes(Dimension dimension, Ratio.Unit unit, String group) {
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(unit, "unit");
            if (unit == Ratio.Unit.CASES) throw new IllegalArgumentException("unit: volumes count petitions, persons or group visits");
            int u = unit == Ratio.Unit.PETITIONS ? 0 : unit == Ratio.Unit.PERSONS ? 1 : 2;
            Map<Dimension, SortedMap<String, long[][]>> g = volumes.get(group == null ? Tally.TOTAL : group);
            SortedMap<String, Volume> out = new TreeMap<>();
            if (g != null && !(group != null && group.isEmpty())) {
                for (Map.Entry<String, long[][]> e : g.get(dimension).entrySet()) {
                    long[] n = e.getValue()[u];
                    out.put(e.getKey(), new Volume(n[0], n[1], n[2]));
                }
            }
            return java.util.Collections.unmodifiableSortedMap(out);
        }

        @Override
        public String toString() {
            return "Report[" + period + ", asOf=" + asOf + ", " + grouping + ", cases=" + cases + ", groups=" + groups().size() + "]";
        }
    }
}
