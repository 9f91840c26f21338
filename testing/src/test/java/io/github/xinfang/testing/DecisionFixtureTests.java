package io.github.xinfang.testing;

import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.ProcedureEvent;
import io.github.xinfang.cases.Rejection;
import io.github.xinfang.cases.Stage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given a stage a journey reaches, when a command, then its events or its rejection, in the domain's words. */
class DecisionFixtureTests {
    private final Organisation org = Organisations.guigang();
    private final CaseId id = new CaseId("F-1");

    @Test
    void aRoutedCaseIsAcceptedByItsUnitAndTheFailureOfAWrongExpectationSpeaksTheDomain() {
        Journey routed = Journeys.toStage(org, id, Stage.ROUTED).next(new SplittableRandom(1));
        ProcedureCommand.Route route = (ProcedureCommand.Route) routed.commands().stream()
                .filter(c -> c instanceof ProcedureCommand.Route).reduce((a, b) -> b).orElseThrow();
        LocalDate day = route.receivedOn().plusDays(1);
        Instant at = day.atTime(10, 0).atZone(Journeys.ZONE).toInstant();
        ProcedureCommand.Accept accept = new ProcedureCommand.Accept(id, new IdempotencyKey("a"), org.staffOf(route.unit()), day);

        DecisionFixture given = DecisionFixture.on(org.directory()).given(routed);
        assertThat(given.when(accept, at).thenAppends(ProcedureEvent.Accepted.class)).hasSize(1);
        assertThatThrownBy(() -> given.when(accept, at).thenRejected(Rejection.Code.WINDOW_EXPIRED))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected Accept (受理) on a case at ROUTED (已交办) to be rejected with WINDOW_EXPIRED ("
                        + Rejection.Code.WINDOW_EXPIRED.chinese() + "), but it was accepted, appending [Accepted]");
    }

    @Test
    void aCommandTheStageRefusesIsRejectedWithItsCode() {
        Journey concluded = Journeys.toStage(org, id, Stage.CONCLUDED).next(new SplittableRandom(2));
        Instant at = concluded.steps().get(concluded.steps().size() - 1).at();
        ProcedureCommand.Accept again = new ProcedureCommand.Accept(id, new IdempotencyKey("b"), org.registrarActor(),
                LocalDate.ofInstant(at, Journeys.ZONE));
        DecisionFixture given = DecisionFixture.on(org.directory()).given(concluded);
        assertThat(given.when(again, at).thenRejected(Rejection.Code.ILLEGAL_TRANSITION).stage()).contains(Stage.CONCLUDED);
        assertThatThrownBy(() -> given.when(again, at).thenAppends(ProcedureEvent.Accepted.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("expected Accept (受理) on a case at CONCLUDED (已办结) to append [Accepted], but it was rejected: ILLEGAL_TRANSITION (");
    }

    @Test
    void givenEventsTheDecisionIsTheSameAsGivenTheJourney() {
        Journey routed = Journeys.toStage(org, id, Stage.ROUTED).next(new SplittableRandom(3));
        var events = JourneysTests.run(org, routed, "events").history(id).orElseThrow().events();
        Instant at = routed.steps().get(routed.steps().size() - 1).at();
        ProcedureCommand.Withdraw withdraw = new ProcedureCommand.Withdraw(id, new IdempotencyKey("w"), org.registrarActor(),
                LocalDate.ofInstant(at, Journeys.ZONE));
        assertThat(DecisionFixture.on(org.directory()).given(events).when(withdraw, at).thenAppends(ProcedureEvent.Withdrawn.class))
                .hasSize(1);
    }
}
