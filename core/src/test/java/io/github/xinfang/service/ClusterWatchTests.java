package io.github.xinfang.service;

import io.github.xinfang.cases.ActivityCommand;
import io.github.xinfang.cases.CaseActivity;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.testing.Org;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 类案预警 examples: petitions about one housing estate arriving together in one county warn the unit handling most of
 * them, once per level; petitions outside the window or the county do not count; a corrected tag counts from the
 * next sweep; the daily deadline sweep runs the watch.
 */
class ClusterWatchTests extends ServiceScenario {
    private static final String ESTATE = "estate:金港华府";
    private final ClusterWatch watch = ClusterWatch.create(service, ClusterWatch.Policy.standard().withOffice("4508", Org.OFFICE));

    ClusterWatchTests() {
        super("2026-05-20T02:00:00Z");
    }

    private static PetitionForm form(String day, String region, int headcount, String... tags) {
        return new PetitionForm(d(day), Channel.VISIT, Category.CLAIM, "城乡建设", region, true, null,
                List.of(new PetitionForm.Petitioner("业主代表", null, null, null)), headcount, null, "小区逾期未交房，要求退款。")
                .withSubjectTags(tags);
    }

    private CaseId register(int n, String day, String region, int headcount, String... tags) {
        CaseId id = new CaseId("XF-" + n);
        applied(new ProcedureCommand.Register(id, key(), Org.clerk(), form(day, region, headcount, tags), null));
        return id;
    }

    private void route(CaseId id, UnitId unit, String day) {
        applied(new ProcedureCommand.Route(id, key(), Org.clerk(), unit, d(day)));
    }

    @Test
    void fivePetitionsAboutOneEstateWarnTheUnitHandlingMostOfThemOnceAndTheNextThresholdWarnsAgain() {
        // April 10: an old petition about the estate, outside the 30-day window ending May 20; May: four in the county,
        // one in the next county, one untagged.
        CaseId old = register(1, "2026-04-10", "450802", 1, ESTATE);
        CaseId a = register(2, "2026-05-06", "450802", 3, ESTATE, "employer:恒达置业");
        CaseId b = register(3, "2026-05-12", "450802", 2, ESTATE);
        CaseId c = register(4, "2026-05-15", "450802", 1, ESTATE);
        CaseId e = register(5, "2026-05-18", "450802", 4, ESTATE);
        register(6, "2026-05-18", "450803", 6, ESTATE);
        register(7, "2026-05-19", "450802", 1);
        route(a, Org.HOUSING, "2026-05-07");
        route(b, Org.HOUSING, "2026-05-13");
        route(c, Org.LAND, "2026-05-16");

        assertThat(watch.sweep(clock.instant())).as("four petitions, 10 persons: below 5 or 20").isEmpty();

        // The fifth petition of the window: a repeat petition on case c, two persons.
        applied(new ActivityCommand.RecordRepeatPetition(c, key(), Org.clerk(), d("2026-05-20"), Channel.VISIT, 2,
                CaseActivity.SkippedLevel.NONE));
        List<ClusterWatch.Warning> raised = watch.sweep(clock.instant());
        assertThat(raised).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo("450802:" + ESTATE + "#1");
            assertThat(w.level()).isEqualTo(1);
            assertThat(w.petitions()).isEqualTo(5);
            assertThat(w.persons()).isEqualTo(12);
            assertThat(w.cases()).containsExactly(a, b, c, e).doesNotContain(old);
            assertThat(w.windowFrom()).isEqualTo(d("2026-04-21"));
            assertThat(w.windowTo()).isEqualTo(d("2026-05-20"));
            assertThat(w.addressee()).as("two of the cases are the housing unit's").isEqualTo(Org.HOUSING);
            assertThat(w.raisedAt()).isEqualTo(clock.instant());
        });
        assertThat(watch.sweep(clock.instant())).as("the same cluster is not warned again at its level").isEmpty();
        assertThat(watch.warnings("4508")).containsExactlyElementsOf(raised);
        assertThat(watch.warnings("450803")).isEmpty();

        // May 21: a group petition of 40 owners; six petitions and 52 persons in the window pass level 2 (10 or 50).
        at("2026-05-21T02:00:00Z");
        register(8, "2026-05-21", "450802", 40, ESTATE);
        assertThat(watch.sweep(clock.instant())).extracting(ClusterWatch.Warning::id, ClusterWatch.Warning::persons)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("450802:" + ESTATE + "#2", 52));
        assertThat(watch.warnings("")).extracting(ClusterWatch.Warning::level).containsExactly(1, 2);
    }

    @Test
    void aClusterNoneOfWhoseCasesIsRoutedIsAddressedToTheCountysPetitionOffice() {
        for (int i = 1; i <= 5; i++) register(i, "2026-05-1" + i, "450802", 1, "employer:糖厂");
        assertThat(watch.sweep(clock.instant())).singleElement()
                .satisfies(w -> assertThat(w.addressee()).isEqualTo(Org.OFFICE));
        ClusterWatch unaddressed = ClusterWatch.create(service, ClusterWatch.Policy.standard());
        at("2026-05-21T02:00:00Z");
        register(6, "2026-05-21", "450881", 25, "employer:糖厂");
        assertThat(unaddressed.sweep(clock.instant())).singleElement().satisfies(w -> {
            assertThat(w.regionPrefix()).isEqualTo("450881");
            assertThat(w.addressee()).as("no unit and no office for 450881").isNull();
        });
    }

    @Test
    void aCorrectedTagCountsFromTheNextSweepAndTheIndexRowCarriesTagsAndTheLatestPetition() {
        for (int i = 1; i <= 4; i++) register(i, "2026-05-0" + i, "450802", 1, ESTATE);
        CaseId untagged = register(5, "2026-05-05", "450802", 1);
        applied(new ActivityCommand.RecordRepeatPetition(untagged, key(), Org.clerk(), d("2026-05-19"), Channel.LETTER, 1,
                CaseActivity.SkippedLevel.NONE));
        assertThat(watch.sweep(clock.instant())).isEmpty();

        applied(new ActivityCommand.CorrectSubjectTags(untagged, key(), Org.clerk(), List.of(ESTATE, "project:江北安置区")));
        IndexRow row = store.indexRow(untagged.value()).orElseThrow();
        assertThat(row.subjectTags()).containsExactly(ESTATE, "project:江北安置区");
        assertThat(row.lastPetitionOn()).contains(LocalDate.parse("2026-05-19"));
        assertThat(service.state(untagged).orElseThrow().petition().subjectTags()).containsExactly(ESTATE, "project:江北安置区");
        assertThat(watch.sweep(clock.instant())).extracting(ClusterWatch.Warning::id, ClusterWatch.Warning::petitions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("450802:" + ESTATE + "#1", 6));
    }

    @Test
    void aTagThatBreaksTheTextRuleIsRefusedNamingTheField() {
        CaseId id = register(1, "2026-05-01", "450802", 1, ESTATE);
        CommandResult.Rejected r = rejected(new ActivityCommand.CorrectSubjectTags(id, key(), Org.clerk(), List.of(" ")),
                Rejection.Code.VALIDATION);
        assertThat(r.rejection().field()).hasValue("subjectTags[0]");
        assertThat(rejected(new ProcedureCommand.Register(new CaseId("XF-2"), key(), Org.clerk(), form("2026-05-01", "450802", 1, "x".repeat(101)), null),
                Rejection.Code.VALIDATION).rejection().field()).hasValue("petition.subjectTags[0]");
    }

    @Test
    void theDailyDeadlineSweepRunsTheWatchAndCountsTheWarningsItRaised() {
        DeadlineSweep sweep = DeadlineSweep.create(service, "node-1").withClusterWatch(watch);
        for (int i = 1; i <= 5; i++) register(i, "2026-05-1" + i, "450802", 1, ESTATE);
        assertThat(sweep.sweep(clock.instant()).clusterWarnings()).isEqualTo(1);
        assertThat(sweep.sweep(clock.instant()).clusterWarnings()).isZero();
        assertThat(DeadlineSweep.create(service, "node-2").sweep(clock.instant()).clusterWarnings()).isZero();
    }

    @Test
    void aStoreWithoutTheClusterPortsAndABadPolicyAreRefusedNamingWhy() {
        CaseService plain = CaseService.builder(new HandoverTests.PlainStore(), Org.DIRECTORY, clock).build();
        assertThatThrownBy(() -> ClusterWatch.create(plain, ClusterWatch.Policy.standard()))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("ClusterQuery");
        List<ClusterWatch.Level> levels = ClusterWatch.Policy.standard().levels();
        assertThatThrownBy(() -> new ClusterWatch.Policy(0, 6, levels, Map.of())).hasMessageContaining("windowDays");
        assertThatThrownBy(() -> new ClusterWatch.Policy(30, 5, levels, Map.of())).hasMessageContaining("regionDigits");
        assertThatThrownBy(() -> new ClusterWatch.Policy(30, 6, List.of(), Map.of())).hasMessageContaining("levels");
        assertThatThrownBy(() -> new ClusterWatch.Policy(30, 6, List.of(levels.get(1), levels.get(0)), Map.of()))
                .hasMessageContaining("levels");
        assertThatThrownBy(() -> new ClusterWatch.Policy(30, 6, levels, Map.of("45x", Org.OFFICE))).hasMessageContaining("offices");
        assertThatThrownBy(() -> new ClusterWatch.Policy(30, 6, null, Map.of())).isInstanceOf(NullPointerException.class)
                .hasMessage("levels");
        assertThatThrownBy(() -> new ClusterWatch.Level(0, 1)).hasMessageContaining("petitions");
        assertThatThrownBy(() -> watch.sweep(null)).isInstanceOf(NullPointerException.class).hasMessage("now");
    }

    private void at(String iso) {
        clock.set(java.time.Instant.parse(iso));
    }
}
