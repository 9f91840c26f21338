package io.github.xinfang.testing;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.Resolution;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys are valid: run through the case service, every command of every generated journey applies and the
 * case ends at the journey's target, for every stage and track state and many seeds and organisations.
 */
class JourneysTests {
    private static final int EXAMPLES = 60;

    @Test
    void everyJourneyToAStageAppliesEveryCommandAndEndsThere() {
        assertEveryJourneyEndsAtItsTarget(20261207, "J-", Stage.values(), Journeys::toStage, CaseState::stage);
    }

    @Test
    void everyJourneyToATrackStateAppliesEveryCommandAndEndsThere() {
        assertEveryJourneyEndsAtItsTarget(7, "R-", Resolution.TrackState.values(), Journeys::toTrackState,
                state -> state.resolution().track());
    }

    /** The journeys to one kind of target: a stage or a track state. */
    @FunctionalInterface
    private interface JourneysTo<T> {
        Gen<Journey> of(Organisation org, CaseId id, T target, LocalDate earliest);
    }

    /**
     * For every target, {@link #EXAMPLES} journeys (each on its own organisation, seeded from {@code seed}) run
     * through the service: every command applies and the case ends at the target.
     */
    private static <T> void assertEveryJourneyEndsAtItsTarget(long seed, String idPrefix, T[] targets, JourneysTo<T> journeys,
            Function<CaseState, T> reached) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (T target : targets) {
            for (int i = 0; i < EXAMPLES; i++) {
                long s = seeds.nextLong();
                Organisation org = Organisations.organisations().next(new SplittableRandom(s));
                CaseId id = new CaseId(idPrefix + i);
                Journey journey = journeys.of(org, id, target, LocalDate.of(2025, 1, 2)).next(new SplittableRandom(s + 1));
                CaseService service = run(org, journey, target + " seed " + s);
                assertThat(reached.apply(service.history(id).orElseThrow().state())).as("%s seed %d:%n%s", target, s, journey.toJava())
                        .isEqualTo(target);
            }
        }
    }

    @Test
    void aHostileJourneyIsAnsweredCommandByCommandNeverWithAnException() {
        SplittableRandom seeds = new SplittableRandom(11);
        int rejected = 0;
        for (int i = 0; i < EXAMPLES; i++) {
            Organisation org = Organisations.organisations().next(seeds.split());
            CaseId id = new CaseId("X-" + i);
            Journey journey = Journeys.hostile(org, id, LocalDate.of(2025, 1, 2)).next(seeds.split());
            SettableClock clock = SettableClock.at(journey.steps().get(0).at());
            CaseService service = CaseService.builder(InMemoryCaseStore.create(), org.directory(), clock).build();
            for (CommandResult result : journey.runOn(service, clock)) {
                if (result instanceof CommandResult.Rejected r) {
                    rejected++;
                    assertThat(r.rejection().code().name()).as("%s%n%s", r.rejection(), journey.toJava())
                            .isIn("VALIDATION", "ILLEGAL_TRANSITION", "CASE_NOT_FOUND");
                }
            }
        }
        assertThat(rejected).as("hostile text is refused somewhere").isPositive();
    }

    @Test
    void drawZeroIsTheShortestPath() {
        Organisation org = Organisations.guigang();
        Journey registered = Journeys.any(org, new CaseId("Z-1"), LocalDate.of(2025, 1, 2)).generate(Choices.replay(new int[0]));
        assertThat(registered.steps()).hasSize(1);
        assertThat(registered.steps().get(0).command()).isInstanceOf(io.github.xinfang.cases.ProcedureCommand.Register.class);
    }

    static CaseService run(Organisation org, Journey journey, String what) {
        SettableClock clock = SettableClock.at(journey.steps().get(0).at());
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), org.directory(), clock).build();
        List<CommandResult> results = journey.runOn(service, clock);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i)).as("%s: %s%n%s", what, journey.steps().get(i).command().getClass().getSimpleName(), journey.toJava())
                    .isInstanceOf(CommandResult.Applied.class);
        }
        return service;
    }
}
