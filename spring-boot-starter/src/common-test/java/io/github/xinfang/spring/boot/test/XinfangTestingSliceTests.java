package io.github.xinfang.spring.boot.test;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.testing.Journey;
import io.github.xinfang.testing.Journeys;
import io.github.xinfang.testing.Organisation;
import io.github.xinfang.testing.SettableClock;
import io.github.xinfang.testing.XinfangTestingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.InstantSource;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The slice wired with xinfang-testing's settable clock and organisation: a generated journey runs through it as it is. */
@XinfangTest(classes = XinfangTestingConfiguration.class)
class XinfangTestingSliceTests {
    @Autowired
    CaseService cases;
    @Autowired
    SettableClock clock;
    @Autowired
    Organisation org;
    @Autowired
    InstantSource serviceClock;

    @Test
    void aGeneratedJourneyRunsThroughTheSlicesServiceAtTheTestsClock() {
        assertThat(serviceClock).as("the slice's own clock backs off").isSameAs(clock);
        for (Stage target : new Stage[] {Stage.CONCLUDED, Stage.FINAL, Stage.MERGED}) {
            CaseId id = new CaseId("T-" + target);
            Journey journey = Journeys.toStage(org, id, target).next(new SplittableRandom(target.ordinal()));
            assertThat(journey.runOn(cases, clock)).as(journey.toJava()).allSatisfy(r -> assertThat(r).isInstanceOf(CommandResult.Applied.class));
            assertThat(cases.history(id).orElseThrow().state().stage()).isEqualTo(target);
        }
    }
}
