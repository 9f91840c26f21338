package io.github.xinfang.examples.year;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.LeaderWorkload;
import io.github.xinfang.persistence.OverdueScope;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Ranking;
import io.github.xinfang.report.Ratio;
import io.github.xinfang.service.BatchReports;
import io.github.xinfang.service.CaseListings;
import io.github.xinfang.service.ClusterWatch;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year demo's report, printed and as HTML (read with a real HTML parser), says what the metrics API says over the
 * stored cases: a small run, its H2 file re-opened by the test, every case read back through the case service and
 * counted again ({@link StoredYear}), then each figure of the report compared with its recount.
 */
class DistrictYearFiguresTests {
    private static final Pattern CELL = Pattern.compile("(—|\\d+\\.\\d%) (\\d+)/(\\d+)");

    private static SmallYear run;
    private static StoredYear stored;
    private static Document html;

    @BeforeAll
    static void runTheDemoSmallAndReadTheStoreBack() {
        run = SmallYear.shared();
        stored = StoredYear.read(run.dir());
        html = Jsoup.parse(run.html());
    }

    @Test
    void everyRowOfThePrintedTableIsTheMetricsOfItsPeriod() {
        for (Map.Entry<String, Figures.Report> period : stored.periods.entrySet()) {
            String line = run.out().lines().filter(l -> l.startsWith(period.getKey() + " ")).findFirst().orElseThrow(
                    () -> new AssertionError("no printed row for " + period.getKey()));
            Figures.Report expected = period.getValue();
            Matcher volumes = Pattern.compile("^\\S+(?: \\S+)?\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)").matcher(line);
            assertThat(volumes.find()).as(line).isTrue();
            assertThat(Long.parseLong(volumes.group(1))).as(line).isEqualTo(volume(expected, Ratio.Unit.PETITIONS));
            assertThat(Long.parseLong(volumes.group(2))).as(line).isEqualTo(volume(expected, Ratio.Unit.PERSONS));
            assertThat(Long.parseLong(volumes.group(3))).as(line).isEqualTo(volume(expected, Ratio.Unit.GROUP_VISITS));
            Matcher cells = CELL.matcher(line.substring(volumes.end()));
            for (Figures.Metric metric : YearReport.TABLE_METRICS) {
                assertThat(cells.find()).as(line + ": " + metric).isTrue();
                Ratio r = expected.total(metric).current();
                assertThat(cells.group(2) + "/" + cells.group(3)).as(period.getKey() + " " + metric).isEqualTo(r.numerator() + "/" + r.denominator());
                assertThat(cells.group(1)).as(period.getKey() + " " + metric).isEqualTo(percent(r));
            }
        }
    }

    @Test
    void everyRowOfTheHtmlTableIsTheMetricsOfItsPeriod() {
        Elements rows = html.select("table#periods tr[data-period]");
        assertThat(rows).hasSize(stored.periods.size());
        for (Element row : rows) {
            Figures.Report expected = stored.periods.get(row.attr("data-period"));
            assertThat(expected).as(row.attr("data-period")).isNotNull();
            assertThat(number(row.selectFirst("td[data-volume=petitions]"))).isEqualTo(volume(expected, Ratio.Unit.PETITIONS));
            assertThat(number(row.selectFirst("td[data-volume=persons]"))).isEqualTo(volume(expected, Ratio.Unit.PERSONS));
            assertThat(number(row.selectFirst("td[data-volume=group-visits]"))).isEqualTo(volume(expected, Ratio.Unit.GROUP_VISITS));
            for (Figures.Metric metric : YearReport.TABLE_METRICS) {
                assertShows(row.selectFirst("td[data-metric=" + metric.name() + "]"), expected.total(metric).current());
            }
        }
    }

    @Test
    void theYearsVolumesByChannelSubjectAndCategoryAreTheMetricsVolumes() {
        Figures.Report year = stored.periods.get(DistrictYearDemo.YEAR + " 全年");
        Map<String, Figures.Dimension> tables = Map.of("channels", Figures.Dimension.CHANNEL, "subjects", Figures.Dimension.SUBJECT_AREA,
                "categories", Figures.Dimension.CATEGORY);
        for (Map.Entry<String, Figures.Dimension> t : tables.entrySet()) {
            Map<String, Long> shown = new HashMap<>();
            for (Element cell : html.select("table#" + t.getKey() + " td[data-key]")) {
                shown.put(cell.attr("data-key"), Long.parseLong(cell.attr("data-count")));
                assertThat(cell.ownText().trim()).isEqualTo(cell.attr("data-count"));
            }
            Map<String, Long> expected = new HashMap<>();
            year.volumes(t.getValue(), Ratio.Unit.PETITIONS, null).forEach((k, v) -> expected.put(k, v.current()));
            assertThat(shown).as(t.getKey()).isEqualTo(expected);
        }
        for (Map.Entry<String, Figures.Volume> e : year.volumes(Figures.Dimension.CHANNEL, Ratio.Unit.PETITIONS, null).entrySet()) {
            assertThat(run.out()).contains(ReportText.channel(e.getKey()) + " " + e.getValue().current() + " (");
        }
    }

    @Test
    void theRedAndBlackListsRankTheHalfYearsByTheStatedMinimum() {
        String[] halves = {DistrictYearDemo.YEAR + " 上半年", DistrictYearDemo.YEAR + " 下半年"};
        Elements headings = html.select("h3:contains(半年)");
        assertThat(headings).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Matcher m = Pattern.compile("办件 ≥ (\\d+) 件").matcher(headings.get(i).text());
            assertThat(m.find()).isTrue();
            Ranking expected = Ranking.of(stored.periods.get(halves[i]), Figures.Metric.ON_TIME_CONCLUSION, Long.parseLong(m.group(1)));
            assertListed(html.select("table#red-h" + (i + 1) + " tr[data-unit]"), expected.top(5));
            assertListed(html.select("table#black-h" + (i + 1) + " tr[data-unit]"), expected.bottom(5));
            assertThat(run.out()).contains("红黑榜 " + halves[i]);
        }
    }

    @Test
    void theBatchsProgressIsTheBatchReport() {
        BatchReports.Progress p = BatchReports.create(stored.service).progress(Campaign.BATCH, stored.asOf);
        assertThat(p.cases()).isPositive();
        Elements cells = html.select("table#batch td");
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < 6; i++) counts.add(number(cells.get(i)));
        assertThat(counts).containsExactly(p.cases(), p.claimed(), p.resolved(), p.substantivelyResolved(), p.returned(), p.overdue());
        assertShows(html.selectFirst("table#batch td[data-metric=CLAIM_RATE]"), p.claimRate());
        assertShows(html.selectFirst("table#batch td[data-metric=RESOLUTION_RATE]"), p.resolutionRate());
        assertShows(html.selectFirst("table#batch td[data-metric=SUBSTANTIVE_RATE]"), p.substantiveRate());
        assertThat(run.out()).contains(p.cases() + " 件交办, " + p.claimed() + " 件申请化解, " + p.resolved() + " 件销号 (实体化解 "
                + p.substantivelyResolved() + " 件)");
    }

    @Test
    void theMostOverdueAreTheTenOpenCasesLatestPastTheirLimits() {
        CaseListings listings = CaseListings.create(stored.service);
        OverdueScope district = OverdueScope.regionPrefix(District.REGION);
        Map<String, Long> daysLate = new HashMap<>();
        String cursor = null;
        do {
            CaseListings.Page<CaseListings.OverdueCase> page = listings.overdue(district, stored.asOf, CaseListings.MAX_PAGE_SIZE, cursor);
            for (CaseListings.OverdueCase c : page.items()) daysLate.put(c.caseId(), c.maxDaysLate());
            cursor = page.next().orElse(null);
        } while (cursor != null);
        assertThat(daysLate).isNotEmpty();
        assertThat(number(html.selectFirst("#overdue-total"))).isEqualTo(listings.countOverdue(district, stored.asOf)).isEqualTo(daysLate.size());
        assertThat(run.out()).contains("超期事项: 共 " + daysLate.size() + " 件");

        Elements listed = html.select("table#overdue tr[data-case]");
        assertThat(listed).hasSize(Math.min(10, daysLate.size()));
        long least = Long.MAX_VALUE;
        for (Element row : listed) {
            String id = row.attr("data-case");
            assertThat(Long.parseLong(row.attr("data-days"))).as(id).isEqualTo(daysLate.remove(id));
            least = Math.min(least, Long.parseLong(row.attr("data-days")));
            assertThat(run.out()).containsPattern("(?m)^  " + id + " ");
        }
        for (long other : daysLate.values()) assertThat(other).isLessThanOrEqualTo(least);
    }

    @Test
    void eachPackageLeadersWorkloadIsTheStoresAndTheirRateTheMetric() {
        Elements rows = html.select("table#leaders tr[data-leader]");
        assertThat(rows).hasSize(District.LEADERS.size());
        long active = 0;
        for (Element row : rows) {
            LeaderWorkload w = stored.store.workload(row.attr("data-leader"), stored.asOf);
            Elements cells = row.select("td");
            assertThat(number(cells.get(1))).isEqualTo(w.activeCases());
            assertThat(number(cells.get(2))).isEqualTo(w.overdueCases());
            assertShows(row.selectFirst("td[data-metric=RESOLUTION]"), stored.byLeader.figure(Figures.Metric.RESOLUTION, w.leader()).current());
            active += w.activeCases();
        }
        assertThat(active + stored.byLeader.total(Figures.Metric.RESOLUTION).current().numerator()).as("leaders took cases").isPositive();
    }

    @Test
    void theClusterWarningsAreTheStoredOnesAndTheEstatesClusterIsWarned() {
        ClusterWatch watch = ClusterWatch.create(stored.service, ClusterWatch.Policy.standard());
        Map<String, ClusterWatch.Warning> warnings = new HashMap<>();
        for (ClusterWatch.Warning w : watch.warnings(District.REGION)) warnings.put(w.id(), w);
        Elements rows = html.select("table#cluster-warnings tr[data-warning]");
        assertThat(rows).hasSize(warnings.size());
        for (Element row : rows) {
            ClusterWatch.Warning w = warnings.get(row.attr("data-warning"));
            assertThat(w).as(row.attr("data-warning")).isNotNull();
            assertThat(row.selectFirst("td[data-tag]").text()).isEqualTo(w.tag());
            assertThat(row.selectFirst("td[data-region]").text()).isEqualTo(w.regionPrefix());
            assertThat(number(row.selectFirst("td[data-level]"))).isEqualTo(w.level());
            assertThat(number(row.selectFirst("td[data-petitions]"))).isEqualTo(w.petitions());
            assertThat(number(row.selectFirst("td[data-persons]"))).isEqualTo(w.persons());
            assertThat(number(row.selectFirst("td[data-cases]"))).isEqualTo(w.cases().size());
            assertThat(row.selectFirst("td[data-addressee]").attr("data-addressee")).isEqualTo(w.addressee() == null ? "" : w.addressee().value());
            assertThat(run.out()).contains("  " + w.tag() + "  " + w.regionPrefix() + " 级" + w.level() + "  " + w.windowFrom() + " 至 "
                    + w.windowTo() + "  " + w.petitions() + " 件次 " + w.persons() + " 人次 " + w.cases().size() + " 件");
        }
        assertThat(run.out()).contains("共 " + warnings.size() + " 条");

        List<ClusterWatch.Warning> estate = warnings.values().stream().filter(w -> w.tag().equals(GeneratedPetition.CLUSTER_TAG)).toList();
        assertThat(estate).as("the housing estate's cluster is warned").isNotEmpty();
        for (ClusterWatch.Warning w : estate) {
            assertThat(watch.policy().levelOf(w.petitions(), w.persons())).isGreaterThanOrEqualTo(w.level());
            for (CaseId id : w.cases()) {
                assertThat(stored.service.history(id).orElseThrow().state().petition().subjectTags()).contains(GeneratedPetition.CLUSTER_TAG);
            }
        }
    }

    private static void assertListed(Elements rows, List<Ranking.Entry> expected) {
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).attr("data-unit")).isEqualTo(expected.get(i).id());
            assertShows(rows.get(i).selectFirst("td[data-metric]"), expected.get(i).ratio());
        }
    }

    /** A ratio's cell carries the ratio in its data and shows its percent and its numerator over its denominator. */
    private static void assertShows(Element cell, Ratio r) {
        assertThat(cell).isNotNull();
        assertThat(cell.attr("data-num") + "/" + cell.attr("data-den")).isEqualTo(r.numerator() + "/" + r.denominator());
        assertThat(cell.text()).isEqualTo(percent(r) + " " + r.numerator() + "/" + r.denominator());
    }

    private static String percent(Ratio r) {
        return r.percent().map(p -> p.toPlainString() + "%").orElse("—");
    }

    private static long number(Element cell) {
        return Long.parseLong(cell.text().trim());
    }

    /** The metrics API's volume of a report in a unit: every channel's, added up. */
    private static long volume(Figures.Report report, Ratio.Unit unit) {
        long n = 0;
        for (Figures.Volume v : report.volumes(Figures.Dimension.CHANNEL, unit, null).values()) n += v.current();
        return n;
    }
}
