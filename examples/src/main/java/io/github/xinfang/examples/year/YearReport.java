package io.github.xinfang.examples.year;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.persistence.ResolutionQuery;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Period;
import io.github.xinfang.report.Ranking;
import io.github.xinfang.report.Ratio;
import io.github.xinfang.service.BatchReports;
import io.github.xinfang.service.CaseListings;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.ClusterWatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The bureau's report of the year, read back from the store through the metrics API, never from the player's own
 * counts: the figures of each month, each half-year and the year ({@link Figures}, fed in one pass of
 * {@link CaseListings#forEachTouching} over the district's cases), red and black lists of the handling units for each
 * half-year ({@link Ranking}), the city batch's progress ({@link BatchReports}), the ten most overdue open cases
 * ({@link CaseListings#overdue}), each package leader's workload, and the cluster warnings the sweep raised
 * ({@link ClusterWatch#warnings}). Immutable once built.
 *
 * @param asOf the instant everything is counted as of
 * @param rows the periods of the table (twelve months, two half-years, the year), in order, each with its report
 * @param year the year's report, grouped by handling unit
 * @param byLeader the year's report, grouped by package leader
 * @param rankings each half-year's red and black list of handling units by on-time conclusion
 * @param batch the city batch's progress
 * @param overdueTotal how many cases of the district are overdue at {@code asOf}
 * @param mostOverdue the ten most overdue, most days late first
 * @param leaders each package leader's workload at {@code asOf}
 * @param clusterWarnings the cluster warnings (类案预警) the daily sweep raised in the district, in the order raised
 */
record YearReport(Instant asOf, List<Row> rows, Figures.Report year, Figures.Report byLeader, List<HalfYearRanking> rankings,
                  BatchReports.Progress batch, long overdueTotal, List<CaseListings.OverdueCase> mostOverdue,
                  List<LeaderWorkload> leaders, List<ClusterWatch.Warning> clusterWarnings) {

    /** The metrics of each row of the table, in order. */
    static final List<Figures.Metric> TABLE_METRICS = List.of(Figures.Metric.TIMELY_ACCEPTANCE, Figures.Metric.ON_TIME_CONCLUSION,
            Figures.Metric.REPEAT_BY_PETITIONS, Figures.Metric.REPEAT_BY_CASES, Figures.Metric.RATING_PARTICIPATION,
            Figures.Metric.RATING_SATISFACTION, Figures.Metric.FOLLOW_UP_SATISFACTION, Figures.Metric.FIRST_CONTACT_RESOLUTION,
            Figures.Metric.PROCEDURE_RETURNS);

    /**
     * One period of the table.
     *
     * @param label how the report names it (2025-01, 2025 上半年, 2025 全年)
     * @param report its figures
     */
    record Row(String label, Figures.Report report) {
        /** @return petitions received (件次) */
        long petitions() {
            return sum(report, Ratio.Unit.PETITIONS);
        }

        /** @return persons behind them (人次) */
        long persons() {
            return sum(report, Ratio.Unit.PERSONS);
        }

        /** @return group visits (批次) */
        long groupVisits() {
            return sum(report, Ratio.Unit.GROUP_VISITS);
        }

        /** @return the metric's ratio for the period */
        Ratio ratio(Figures.Metric metric) {
            return report.total(metric).current();
        }
    }

    /**
     * A half-year's red and black list.
     *
     * @param label the half-year
     * @param ranking the ranking
     */
    record HalfYearRanking(String label, Ranking ranking) {}

    static long sum(Figures.Report report, Ratio.Unit unit) {
        long n = 0;
        for (Figures.Volume v : report.volumes(Figures.Dimension.CHANNEL, unit, null).values()) n += v.current();
        return n;
    }

    /** @return the year's volumes by a dimension (件次) */
    SortedMap<String, Long> yearVolumes(Figures.Dimension dimension) {
        SortedMap<String, Long> out = new TreeMap<>();
        for (Map.Entry<String, Figures.Volume> e : year.volumes(dimension, Ratio.Unit.PETITIONS, null).entrySet()) {
            out.put(e.getKey(), e.getValue().current());
        }
        return out;
    }

    /**
     * Reads the report from the store.
     *
     * @param service the case service
     * @param resolution the store's resolution queries (leaders' workloads)
     * @param yearNumber the year
     * @param asOf the instant to count as of
     * @param minimumVolume the least volume a unit needs to be ranked
     * @param watch the cluster watch the sweep ran
     * @param reader who reads the report: its figures, overdue cases, batch progress and cluster warnings count only the
     *     cases the service's access policy lets this actor read (the bureau's head reads every case of the district)
     * @return the report
     */
    static YearReport read(CaseService service, ResolutionQuery resolution, int yearNumber, Instant asOf, long minimumVolume,
                           ClusterWatch watch, Actor reader) {
        List<String> labels = new ArrayList<>();
        List<Figures> figures = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            labels.add(YearMonth.of(yearNumber, m).toString());
            figures.add(Figures.of(service.timeLimits(), Period.month(YearMonth.of(yearNumber, m)), asOf, Figures.Grouping.none()));
        }
        LocalDate jan = LocalDate.of(yearNumber, 1, 1);
        LocalDate jul = LocalDate.of(yearNumber, 7, 1);
        labels.add(yearNumber + " 上半年");
        figures.add(Figures.of(service.timeLimits(), Period.halfYear(jan), asOf, Figures.Grouping.handlingUnit()));
        labels.add(yearNumber + " 下半年");
        figures.add(Figures.of(service.timeLimits(), Period.halfYear(jul), asOf, Figures.Grouping.handlingUnit()));
        labels.add(yearNumber + " 全年");
        figures.add(Figures.of(service.timeLimits(), Period.year(yearNumber), asOf, Figures.Grouping.handlingUnit()));
        Figures leaders = Figures.of(service.timeLimits(), Period.year(yearNumber), asOf, Figures.Grouping.packageLeader());
        figures.add(leaders);
        Instant since = figures.get(0).since();
        for (Figures f : figures) if (f.since().isBefore(since)) since = f.since();
        CaseListings listings = CaseListings.create(service, reader);
        listings.forEachTouching(District.REGION, since, history -> {
            for (Figures f : figures) f.accept(history);
        });
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) rows.add(new Row(labels.get(i), figures.get(i).report()));
        Figures.Report year = rows.get(14).report();
        List<HalfYearRanking> rankings = List.of(
                new HalfYearRanking(rows.get(12).label(), Ranking.of(rows.get(12).report(), Figures.Metric.ON_TIME_CONCLUSION, minimumVolume)),
                new HalfYearRanking(rows.get(13).label(), Ranking.of(rows.get(13).report(), Figures.Metric.ON_TIME_CONCLUSION, minimumVolume)));

        OverdueScope district = OverdueScope.regionPrefix(District.REGION);
        long overdueTotal = listings.countOverdue(district, asOf);
        List<CaseListings.OverdueCase> overdue = new ArrayList<>();
        String cursor = null;
        do {
            CaseListings.Page<CaseListings.OverdueCase> page = listings.overdue(district, asOf, CaseListings.MAX_PAGE_SIZE, cursor);
            overdue.addAll(page.items());
            cursor = page.next().orElse(null);
        } while (cursor != null);
        overdue.sort(Comparator.comparingLong(CaseListings.OverdueCase::maxDaysLate).reversed().thenComparing(CaseListings.OverdueCase::caseId));
        List<CaseListings.OverdueCase> top = List.copyOf(overdue.subList(0, Math.min(10, overdue.size())));

        List<LeaderWorkload> workloads = new ArrayList<>();
        for (var leader : District.LEADERS) {
            workloads.add(resolution.workload(leader.value(), asOf, service.accessScope(reader)));   // R8: the reader's cases
        }
        BatchReports.Progress batch = BatchReports.create(service, reader).progress(Campaign.BATCH, asOf);
        List<ClusterWatch.Warning> warnings = new ArrayList<>(watch.warnings(reader, District.REGION));
        warnings.sort(Comparator.comparing(ClusterWatch.Warning::raisedAt).thenComparing(ClusterWatch.Warning::id));
        return new YearReport(asOf, List.copyOf(rows), year, leaders.report(), rankings, batch, overdueTotal, top,
                List.copyOf(workloads), List.copyOf(warnings));
    }
}
