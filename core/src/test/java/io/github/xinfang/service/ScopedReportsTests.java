package io.github.xinfang.service;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.ResolutionCommand;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.github.xinfang.service.AccessPolicyProperties.CITY_OFFICE;
import static io.github.xinfang.service.AccessPolicyProperties.D;
import static io.github.xinfang.service.AccessPolicyProperties.DIRECTORY;
import static io.github.xinfang.service.AccessPolicyProperties.HOUSING;
import static io.github.xinfang.service.AccessPolicyProperties.LABOUR;
import static io.github.xinfang.service.AccessPolicyProperties.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports an actor reads honour the access rules: the batch ledger ({@link BatchReports#create(CaseService, Actor)}),
 * the cases fed to the figures ({@link CaseListings#forEachTouching}) and the cluster warnings
 * ({@link ClusterWatch#warnings(Actor, String)}) count and name only the cases the actor may read, and never an
 * accusation to its accused. Five petitions about one estate in 港北区 (450802): two routed to the housing bureau, three
 * to the labour bureau, one of them accusing an official of the county petition office.
 */
class ScopedReportsTests {
    private static final String ESTATE = "estate:金港华府";
    private final TestClock clock = TestClock.at("2026-03-10T02:00:00Z");
    private final InMemoryCaseStore store = InMemoryCaseStore.create();
    private final CaseService service = CaseService.builder(store, DIRECTORY, clock)
            .accessPolicy(AccessPolicy.standard(DIRECTORY)).build();
    private final Actor city = official(CITY_OFFICE);
    private final Actor county = official(OFFICE);
    private final Actor housing = official(HOUSING);
    private final Actor labour = official(LABOUR);
    private int keys;

    private static Actor official(UnitId unit) {
        return Actor.official(new OfficialId(unit.value() + "-1"), unit);
    }

    private CaseId petition(int n, UnitId routedTo, boolean accusesTheCountyOffice) {
        CaseId id = new CaseId("XF-S-" + n);
        List<PetitionForm.AccusedParty> accused = accusesTheCountyOffice
                ? List.of(PetitionForm.AccusedParty.official(new OfficialId(OFFICE.value() + "-2"))) : List.of();
        PetitionForm form = new PetitionForm(D, Channel.VISIT, Category.CLAIM, "城乡建设", "450802", true, null,
                List.of(new PetitionForm.Petitioner("业主代表", null, null, null)), 1, accused, "小区逾期未交房。")
                .withSubjectTags(ESTATE);
        applied(new ProcedureCommand.Register(id, key(), city, form, null));
        applied(new ProcedureCommand.Route(id, key(), city, routedTo, D.plusDays(1)));
        applied(new ResolutionCommand.EnrolInBatch(id, key(), city, new Resolution.BatchId("b-1"), Resolution.IssuingLevel.COUNTY,
                "第一批", D.plusDays(90), D.plusDays(2)));
        return id;
    }

    private IdempotencyKey key() {
        return new IdempotencyKey("k-" + keys++);
    }

    private void applied(io.github.xinfang.cases.CaseCommand command) {
        CommandResult r = service.handle(command);
        assertThat(r.isApplied()).as("%s", r).isTrue();
    }

    private Set<CaseId> touching(Actor actor) {
        Set<CaseId> ids = new HashSet<>();
        CaseListings.create(service, actor).forEachTouching("", Instant.EPOCH, events -> ids.add(events.get(0).caseId()));
        return ids;
    }

    @Test
    void theLedgerTheFiguresAndTheWarningsCountOnlyWhatTheActorMayRead() {
        CaseId a = petition(1, HOUSING, false);
        CaseId b = petition(2, HOUSING, false);
        CaseId c = petition(3, LABOUR, true);
        CaseId d = petition(4, LABOUR, false);
        CaseId e = petition(5, LABOUR, false);
        ClusterWatch watch = ClusterWatch.create(service, ClusterWatch.Policy.standard().withOffice("4508", CITY_OFFICE));
        assertThat(watch.sweep(clock.instant())).singleElement()
                .satisfies(w -> assertThat(w.addressee()).as("three of the cases are the labour bureau's").isEqualTo(LABOUR));

        BatchReports system = BatchReports.create(service);
        Resolution.BatchId batch = new Resolution.BatchId("b-1");
        assertThat(system.progress(batch, clock.instant()).cases()).isEqualTo(5);
        assertThat(BatchReports.create(service, city).progress(batch, clock.instant()).cases()).isEqualTo(5);
        assertThat(BatchReports.create(service, county).progress(batch, clock.instant()).cases())
                .as("the county office is accused in one").isEqualTo(4);
        assertThat(BatchReports.create(service, housing).progress(batch, clock.instant()).cases()).isEqualTo(2);
        assertThat(BatchReports.create(service, labour).progress(batch, clock.instant()).cases()).isEqualTo(3);

        assertThat(touching(Actor.system("report"))).containsExactlyInAnyOrder(a, b, c, d, e);
        assertThat(touching(county)).containsExactlyInAnyOrder(a, b, d, e);
        assertThat(touching(housing)).containsExactlyInAnyOrder(a, b);
        assertThat(touching(labour)).containsExactlyInAnyOrder(c, d, e);

        assertThat(watch.warnings(city, "")).singleElement().satisfies(w -> assertThat(w.cases()).containsExactly(a, b, c, d, e));
        assertThat(watch.warnings(county, "")).as("the county office covers the estate's county, and is accused in one")
                .singleElement().satisfies(w -> {
                    assertThat(w.cases()).containsExactly(a, b, d, e);
                    assertThat(w.petitions()).as("the cluster's counts stay whole").isEqualTo(5);
                });
        assertThat(watch.warnings(labour, "")).as("the addressee").singleElement()
                .satisfies(w -> assertThat(w.cases()).containsExactly(c, d, e));
        assertThat(watch.warnings(housing, "")).as("neither an office over the region nor the addressee").isEmpty();
        assertThat(watch.warnings(Actor.system("report"), "")).isEqualTo(watch.warnings(""));
    }
}
