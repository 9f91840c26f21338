package io.github.xinfang.examples.year;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.jdbc.Dialect;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Period;
import io.github.xinfang.service.CaseChange;
import io.github.xinfang.service.CaseService;
import org.h2.jdbcx.JdbcDataSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored cases of a finished run, read back independently of the demo's report code: the H2 file re-opened with a
 * store and a case service of the test's own, every case found through the change feed and loaded through
 * {@link CaseService#history}, and the metrics API's figures computed over those histories for the periods the report
 * shows (each month, each half-year, the year), counted as of the first instant after the year in Beijing time.
 * Immutable once read.
 */
final class StoredYear {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    final JdbcCaseStore store;
    final CaseService service;
    final Instant asOf;
    final Set<CaseId> caseIds;
    /** The figures by the report's period labels (2025-01 … 2025-12, 2025 上半年, 2025 下半年, 2025 全年). */
    final Map<String, Figures.Report> periods = new LinkedHashMap<>();
    /** The year, grouped by package leader. */
    final Figures.Report byLeader;

    private StoredYear(JdbcCaseStore store, CaseService service, Instant asOf, Set<CaseId> caseIds, List<List<CaseEvent>> histories) {
        this.store = store;
        this.service = service;
        this.asOf = asOf;
        this.caseIds = caseIds;
        int year = DistrictYearDemo.YEAR;
        for (int m = 1; m <= 12; m++) {
            periods.put(YearMonth.of(year, m).toString(), figures(Period.month(YearMonth.of(year, m)), Figures.Grouping.none(), histories));
        }
        periods.put(year + " 上半年", figures(Period.halfYear(LocalDate.of(year, 1, 1)), Figures.Grouping.handlingUnit(), histories));
        periods.put(year + " 下半年", figures(Period.halfYear(LocalDate.of(year, 7, 1)), Figures.Grouping.handlingUnit(), histories));
        periods.put(year + " 全年", figures(Period.year(year), Figures.Grouping.handlingUnit(), histories));
        byLeader = figures(Period.year(year), Figures.Grouping.packageLeader(), histories);
    }

    private Figures.Report figures(Period period, Figures.Grouping grouping, List<List<CaseEvent>> histories) {
        return Figures.of(service.timeLimits(), period, asOf, grouping).acceptAll(histories).report();
    }

    /**
     * Re-opens a run's database and reads every case.
     *
     * @param dir the run's directory
     * @return the stored year
     */
    static StoredYear read(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("xinfang").toAbsolutePath());
        ds.setUser("sa");
        ds.setPassword("");
        JdbcCaseStore store = JdbcCaseStore.create(ds, Dialect.H2);
        Instant asOf = LocalDate.of(DistrictYearDemo.YEAR + 1, 1, 1).atStartOfDay(BEIJING).toInstant();
        CaseService service = CaseService.builder(store, District.directory(), InstantSource.fixed(asOf)).build();
        Set<CaseId> ids = new LinkedHashSet<>();
        long position = 0;
        for (List<CaseChange> page = service.changesAfter(0, 1000); !page.isEmpty(); page = service.changesAfter(position, 1000)) {
            for (CaseChange c : page) ids.add(c.caseId());
            position = page.get(page.size() - 1).position();
        }
        List<List<CaseEvent>> histories = new ArrayList<>();
        for (CaseId id : ids) histories.add(service.history(id).orElseThrow().events());
        return new StoredYear(store, service, asOf, ids, histories);
    }
}
