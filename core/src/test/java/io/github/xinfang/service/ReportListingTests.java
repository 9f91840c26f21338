package io.github.xinfang.service;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.persistence.StoredCase;
import io.github.xinfang.report.Figures;
import io.github.xinfang.report.Period;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.testing.Journey;
import io.github.xinfang.testing.Journeys;
import io.github.xinfang.testing.Organisation;
import io.github.xinfang.testing.Organisations;
import io.github.xinfang.testing.SettableClock;
import io.github.xinfang.testsupport.ForwardingStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cases a report reads, as {@link CaseListings#forEachTouching} hands them: the store's listing, decoded. */
class ReportListingTests {
    private final Organisation org = Organisations.guigang();
    private final SettableClock clock = SettableClock.at(Instant.parse("2025-01-02T01:00:00Z"));
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final CaseService service = CaseService.builder(store, org.directory(), clock).build();

    @Test
    void eachListedCaseComesWithItsWholeHistoryDecodedInCaseIdOrderPastOnePage() {
        SplittableRandom seeds = new SplittableRandom(7);
        java.util.Set<CaseId> cases = new java.util.HashSet<>();
        for (int i = 0; i < 230; i++) {
            Journey journey = Journeys.any(org, new CaseId(String.format("R-%03d", i)), Journeys.DEFAULT_EARLIEST).next(seeds.split());
            clock.set(journey.steps().get(0).at());
            journey.runOn(service, clock);
            cases.addAll(journey.cases());
        }
        for (Instant since : List.of(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z"))) {
            List<String> expectedIds = new ArrayList<>();
            String after = null;
            List<StoredCase> page;
            do {
                page = store.touching(org.region().value().substring(0, 4), since, after, 1_000);
                for (StoredCase c : page) expectedIds.add(c.caseId());
                if (!page.isEmpty()) after = page.get(page.size() - 1).caseId();
            } while (!page.isEmpty());
            List<List<CaseEvent>> handed = new ArrayList<>();
            long count = CaseListings.create(service).forEachTouching(org.region().value().substring(0, 4), since, handed::add);
            assertThat(count).isEqualTo(handed.size()).isEqualTo(expectedIds.size());
            for (int i = 0; i < handed.size(); i++) {
                CaseId id = new CaseId(expectedIds.get(i));
                assertThat(handed.get(i)).as("%s", id).isEqualTo(service.history(id).orElseThrow().events());
            }
            if (since.getEpochSecond() < 1_000_000_000L) assertThat(handed).hasSize(cases.size());
        }
        assertThat(CaseListings.create(service).forEachTouching("11", Instant.EPOCH, events -> {})).isZero();
    }

    /**
     * The listing is a superset of what a report counts: figures fed only the cases it lists equal figures fed every
     * case of the store, for periods whose earliest span leaves many finished cases out.
     */
    @Test
    void figuresFedThroughTheStoresListingEqualFiguresFedWithEveryCase() {
        SplittableRandom seeds = new SplittableRandom(2026);
        java.util.Set<CaseId> cases = new java.util.TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        for (int i = 0; i < 300; i++) {
            Journey journey = Journeys.any(org, new CaseId(String.format("F-%03d", i)), Journeys.DEFAULT_EARLIEST).next(seeds.split());
            clock.set(journey.steps().get(0).at());
            journey.runOn(service, clock);
            cases.addAll(journey.cases());
        }
        Instant asOf = Instant.parse("2026-06-15T00:00:00Z");
        CaseListings listings = CaseListings.create(service);
        long left = 0;
        for (Period period : List.of(Period.month(YearMonth.of(2025, 6)), Period.month(YearMonth.of(2026, 5)),
                Period.halfYear(LocalDate.of(2025, 12, 1)), Period.month(YearMonth.of(2025, 3)))) {
            for (Figures.Grouping grouping : List.of(Figures.Grouping.none(), Figures.Grouping.handlingUnit(),
                    Figures.Grouping.packageLeader())) {
                Figures listed = Figures.of(service.timeLimits(), period, asOf, grouping);
                long fed = listings.forEachTouching("", listed.since(), listed::accept);
                left += cases.size() - fed;
                Figures all = Figures.of(service.timeLimits(), period, asOf, grouping);
                for (CaseId id : cases) all.accept(service.history(id).orElseThrow().events());
                Figures.Report a = listed.report();
                Figures.Report b = all.report();
                assertThat(a.groups()).as("%s %s", period, grouping).isEqualTo(b.groups());
                for (Figures.Metric m : Figures.Metric.values()) {
                    assertThat(a.total(m)).as("%s %s %s", period, grouping, m).isEqualTo(b.total(m));
                    for (String g : a.groups()) assertThat(a.figure(m, g)).as("%s %s %s %s", period, grouping, m, g).isEqualTo(b.figure(m, g));
                }
            }
        }
        assertThat(left).as("the listing leaves finished cases out for the later periods").isPositive();
    }

    @Test
    void aStoreWithoutTheReportPortIsNamedAndBadArgumentsAreRefused() {
        CaseService plain = CaseService.builder(new ForwardingStore<>(store), org.directory(), clock).build();
        assertThatThrownBy(() -> CaseListings.create(plain).forEachTouching("", Instant.EPOCH, events -> {}))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ReportQuery");
        CaseListings listings = CaseListings.create(service);
        assertThatThrownBy(() -> listings.forEachTouching("45x", Instant.EPOCH, events -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("regionPrefix");
        assertThatThrownBy(() -> listings.forEachTouching("45", null, events -> {}))
                .isInstanceOf(NullPointerException.class).hasMessage("since");
        assertThatThrownBy(() -> listings.forEachTouching("45", Instant.EPOCH, null))
                .isInstanceOf(NullPointerException.class).hasMessage("sink");
    }
}
