package io.github.xinfang.testing;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.petition.Address;
import io.github.xinfang.petition.IdNumber;
import io.github.xinfang.petition.PersonName;
import io.github.xinfang.petition.PhoneNumber;
import io.github.xinfang.petition.RegionCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

/** The generators' contract: reproducible from a seed, replayable from their draws, shrinking to the simplest failure. */
class GenTests {
    @Test
    void aSeedReproducesAValueAndItsDrawsReplayIt() {
        Gen<Journey> gen = Journeys.toStage(Organisations.guigang(), new CaseId("G-1"), Stage.FINAL);
        Journey a = gen.next(new SplittableRandom(42));
        assertThat(gen.next(new SplittableRandom(42))).isEqualTo(a);
        Choices c = Choices.random(new SplittableRandom(42));
        Journey b = gen.generate(c);
        assertThat(gen.generate(Choices.replay(c.recorded()))).isEqualTo(b);
    }

    @Test
    void shrinkingFindsTheSimplestFailingValue() {
        // fails when a list holds a number of at least 50: the simplest failure is [50]
        Gen<List<Integer>> lists = Gen.listOf(Gen.between(0, 1000), 0, 20);
        for (long seed = 0; seed < 20; seed++) {
            Choices c = Choices.random(new SplittableRandom(seed));
            List<Integer> value = lists.generate(c);
            if (value.stream().noneMatch(n -> n >= 50)) continue;
            Shrinking.Shrunk<List<Integer>> shrunk = Shrinking.shrink(lists, c.recorded(), l -> l.stream().anyMatch(n -> n >= 50));
            assertThat(shrunk.value()).as("seed %d from %s", seed, value).containsExactly(50);
        }
    }

    @Test
    void aShrunkJourneyIsStillAJourneyTheGeneratorMakes() {
        // fails when the journey has more than three steps: shrinks to exactly four, still valid and still at FINAL's path
        Gen<Journey> gen = Journeys.any(Organisations.guigang(), new CaseId("G-2"), LocalDate.of(2025, 1, 2));
        SplittableRandom seeds = new SplittableRandom(9);
        Choices c = Choices.random(seeds.split());
        Journey j = gen.generate(c);
        while (j.steps().size() <= 3) {
            c = Choices.random(seeds.split());
            j = gen.generate(c);
        }
        Shrinking.Shrunk<Journey> shrunk = Shrinking.shrink(gen, c.recorded(), x -> x.steps().size() > 3);
        assertThat(shrunk.value().steps()).hasSize(4);
        JourneysTests.run(Organisations.guigang(), shrunk.value(), "shrunk");
    }

    @Test
    void generatedValuesAreValidDomainValues() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            new PersonName(Petitions.personNames().next(random));
            new PhoneNumber(Petitions.phones().next(random));
            new IdNumber(Petitions.idNumbers().next(random));
            new Address(Petitions.addresses().next(random));
            new RegionCode(Petitions.regionCodes().next(random));
        }
    }

    @Test
    void theQuickTheoriesAdapterDrivesAndShrinksTheSameGenerator() {
        assertThatThrownBy(() -> qt().withFixedSeed(5).forAll(QuickTheoriesGen.of(Gen.listOf(Gen.between(0, 1000), 0, 20)))
                .check(l -> l.stream().noneMatch(n -> n >= 50)))
                // QuickTheories shrinks each draw towards 0 but deletes none: the list keeps its length, its failing number is 50
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("(?s).*Smallest found falsifying value\\(s\\) :-\\s*\\[(0, )*50(, 0)*\\].*");
        qt().withExamples(50).forAll(QuickTheoriesGen.of(Organisations.organisations()))
                .check(org -> org.directory().official(org.countyHead()).isPresent()
                        && org.directory().official(new io.github.xinfang.directory.OfficialId(org.region().value().substring(0, 2) + "0000-deputy-governor"))
                                .map(o -> o.rank().equals("省部级副职")).orElse(false));
    }
}
