package io.github.xinfang.directory;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.testing.Org;
import io.github.xinfang.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** {@link OrganisationDirectory#caching}: the portal's directory is asked once per id while an answer is fresh. */
class CachingDirectoryTests {
    private static final Duration TTL = Duration.ofSeconds(30);

    /** A directory whose units change over time (a portal's own tables), counting the lookups it answers. */
    private static final class ChangingDirectory implements OrganisationDirectory {
        final Map<UnitId, String> names = new HashMap<>();
        final Map<OfficialId, String> ranks = new HashMap<>();
        int unitLookups;
        int officialLookups;
        boolean failing;

        @Override
        public Optional<Unit> unit(UnitId id) {
            unitLookups++;
            if (failing) throw new IllegalStateException("the portal's directory is down");
            String name = names.get(id);
            return name == null ? Optional.empty()
                    : Optional.of(new Unit(id, name, "department", "county", new RegionCode("450802"), null));
        }

        @Override
        public Optional<Official> official(OfficialId id) {
            officialLookups++;
            String rank = ranks.get(id);
            return rank == null ? Optional.empty() : Optional.of(new Official(id, new UnitId("u0"), "科员", rank, false));
        }
    }

    /** One step of a generated sequence: a lookup of unit {@code id}, the clock moving on, or the portal's data changing. */
    private record Step(int kind, int id, int seconds) {}

    private static Gen<List<Step>> steps() {
        Gen<Step> step = integers().between(0, 2).zip(integers().between(0, 4), integers().between(1, 45), Step::new);
        return lists().of(step).ofSizeBetween(1, 60);
    }

    /**
     * Model: the cache answers a unit as the source answered it when it last asked, if that was less than {@code ttl}
     * ago, and otherwise asks the source again (an unknown unit included); the source is asked exactly as often as the
     * model says, and never more than once per id within {@code ttl}.
     */
    @Test
    void aCachedAnswerIsTheSourcesAnswerFromLessThanTheTtlAgoAndTheSourceIsAskedOnlyWhenItIsNot() {
        qt().forAll(steps()).checkAssert(steps -> {
            TestClock clock = TestClock.at("2026-06-01T00:00:00Z");
            ChangingDirectory source = new ChangingDirectory();
            OrganisationDirectory cached = OrganisationDirectory.caching(source, TTL, clock);
            Map<Integer, Optional<String>> modelValue = new HashMap<>();
            Map<Integer, Instant> modelAskedAt = new HashMap<>();
            int modelLookups = 0;
            int version = 0;
            for (Step s : steps) {
                UnitId id = new UnitId("u" + s.id());
                switch (s.kind()) {
                    case 0 -> {
                        Instant asked = modelAskedAt.get(s.id());
                        if (asked == null || !clock.instant().isBefore(asked.plus(TTL))) {
                            modelValue.put(s.id(), Optional.ofNullable(source.names.get(id)));
                            modelAskedAt.put(s.id(), clock.instant());
                            modelLookups++;
                        }
                        assertThat(cached.unit(id).map(OrganisationDirectory.Unit::name)).isEqualTo(modelValue.get(s.id()));
                        assertThat(source.unitLookups).isEqualTo(modelLookups);
                    }
                    case 1 -> clock.advance(Duration.ofSeconds(s.seconds()));
                    default -> {
                        if (s.seconds() % 3 == 0) source.names.remove(id);
                        else source.names.put(id, "单位" + (++version));
                    }
                }
            }
        });
    }

    @Test
    void unitsAndOfficialsAreRememberedApartAndAFailingLookupIsNot() {
        TestClock clock = TestClock.at("2026-06-01T00:00:00Z");
        ChangingDirectory source = new ChangingDirectory();
        source.ranks.put(new OfficialId("o1"), "科级");
        OrganisationDirectory cached = OrganisationDirectory.caching(source, TTL, clock);

        assertThat(cached.official(new OfficialId("o1")).map(OrganisationDirectory.Official::rank)).hasValue("科级");
        assertThat(cached.official(new OfficialId("o1")).map(OrganisationDirectory.Official::rank)).hasValue("科级");
        assertThat(cached.official(new OfficialId("o2"))).isEmpty();
        assertThat(cached.official(new OfficialId("o2"))).isEmpty();
        assertThat(source.officialLookups).isEqualTo(2);
        assertThat(source.unitLookups).isZero();

        source.failing = true;
        assertThatThrownBy(() -> cached.unit(new UnitId("u1"))).isInstanceOf(IllegalStateException.class);
        source.failing = false;
        source.names.put(new UnitId("u1"), "住建局");
        assertThat(cached.unit(new UnitId("u1")).map(OrganisationDirectory.Unit::name)).as("the failure was not remembered").hasValue("住建局");
        assertThat(source.unitLookups).isEqualTo(2);
    }

    @Test
    void idsACallerMakesUpCannotGrowItWithoutBound() {
        TestClock clock = TestClock.at("2026-06-01T00:00:00Z");
        ChangingDirectory source = new ChangingDirectory();
        CachingDirectory cached = new CachingDirectory(source, TTL, clock, 10);
        for (int i = 0; i < 1_000; i++) cached.unit(new UnitId("made-up-" + i));
        // the 1,000 made-up ids were each asked once; a recent one is still remembered, and at most 10 are
        cached.unit(new UnitId("made-up-999"));
        assertThat(source.unitLookups).isEqualTo(1_000);
        int before = source.unitLookups;
        for (int i = 0; i < 1_000; i++) cached.unit(new UnitId("made-up-" + i));
        assertThat(source.unitLookups - before).as("at most 10 of the 1,000 were still remembered").isGreaterThanOrEqualTo(990);
    }

    @Test
    void misuseIsRefusedNamingTheParameter() {
        TestClock clock = TestClock.at("2026-06-01T00:00:00Z");
        assertThatThrownBy(() -> OrganisationDirectory.caching(null, TTL, clock)).isInstanceOf(NullPointerException.class)
                .hasMessage("source");
        assertThatThrownBy(() -> OrganisationDirectory.caching(Org.DIRECTORY, null, clock)).isInstanceOf(NullPointerException.class)
                .hasMessage("ttl");
        assertThatThrownBy(() -> OrganisationDirectory.caching(Org.DIRECTORY, TTL, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("clock");
        assertThatThrownBy(() -> OrganisationDirectory.caching(Org.DIRECTORY, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThatThrownBy(() -> OrganisationDirectory.caching(Org.DIRECTORY, TTL, clock).unit(null))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
    }

    /** The case service checks a command's units and officials, then its guards read them again: one lookup each. */
    @Test
    void aRouteThroughTheCachingDirectoryAsksThePortalOncePerUnitAndOfficial() {
        TestClock clock = TestClock.at("2026-03-02T02:00:00Z");
        List<String> asked = new ArrayList<>();
        OrganisationDirectory portal = new OrganisationDirectory() {
            @Override
            public Optional<Unit> unit(UnitId id) {
                asked.add("unit " + id);
                return Org.DIRECTORY.unit(id);
            }

            @Override
            public Optional<Official> official(OfficialId id) {
                asked.add("official " + id);
                return Org.DIRECTORY.official(id);
            }
        };
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), OrganisationDirectory.caching(portal, TTL, clock), clock)
                .build();
        CaseId id = new CaseId("C-1");
        LocalDate day = LocalDate.of(2026, 3, 2);
        assertThat(service.handle(new ProcedureCommand.Register(id, new IdempotencyKey("r"), Org.clerk(),
                new PetitionForm(day, Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("覃某", null, null, null)), null, null, "内容"), null))).isInstanceOf(CommandResult.Applied.class);
        asked.clear();
        assertThat(service.handle(new ProcedureCommand.Route(id, new IdempotencyKey("t"), Org.clerk(), Org.HOUSING, day)))
                .isInstanceOf(CommandResult.Applied.class);
        assertThat(asked).as("the directory lookups of one Route").doesNotHaveDuplicates()
                .contains("unit " + Org.HOUSING);
    }
}
