package io.github.xinfang.bench.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xinfang.bench.Lifecycles;
import io.github.xinfang.bench.peers.PeerPath.Command;
import io.github.xinfang.bench.peers.PeerPath.Event;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseDecider;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.cases.EscalationPolicy;
import io.github.xinfang.cases.EscalationPolicy.RankLadder;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.cases.Stage;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.time.TimeLimits;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The comparison of {@link PeersBenchmark} is honest only if every contender does the same work: the same transitions,
 * the same two guards, the same events. These tests hold each engine to that.
 */
class PeerPathTests {
    private static final SpringStatemachineContender SPRING = new SpringStatemachineContender();
    private static final FlowableContender FLOWABLE = new FlowableContender(h2());

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:peer-path-tests;DB_CLOSE_DELAY=-1");
        return h2;
    }

    @AfterAll
    static void closeEngines() {
        SPRING.close();
        FLOWABLE.close();
    }

    static Stream<Contender> contenders() {
        return Stream.of(new Contender.Floor(), new Stateless4jContender(), new SquirrelContender(), SPRING, FLOWABLE);
    }

    @ParameterizedTest
    @MethodSource("contenders")
    void everyContenderEmitsTheSameEventsInOrder(Contender contender) throws IOException {
        List<byte[]> bytes = new ArrayList<>();
        contender.run("C-" + contender.getClass().getSimpleName(), bytes::add);
        assertEquals(PeerPath.LENGTH, bytes.size());
        ObjectMapper json = new ObjectMapper();
        Command[] commands = PeerPath.commands("C-" + contender.getClass().getSimpleName());
        PeerPath.Stage from = PeerPath.Stage.NEW;
        for (int i = 0; i < bytes.size(); i++) {
            Event e = json.readValue(bytes.get(i), Event.class);
            assertEquals(i + 1, e.sequence());
            assertEquals(commands[i].trigger().name(), e.type());
            assertEquals(from.name(), e.from());
            assertEquals(PeerPath.EXPECTED.get(i).name(), e.to());
            assertEquals(commands[i].fact().toString(), e.fact());
            from = PeerPath.EXPECTED.get(i);
        }
    }

    @ParameterizedTest
    @MethodSource("contenders")
    void everyContenderRefusesAnAccusedActorAndAFactOutOfOrderAndAStepOffThePath(Contender contender) {
        String id = "R-" + contender.getClass().getSimpleName();
        Command[] path = PeerPath.commands(id);
        List<byte[]> events = new ArrayList<>();
        contender.handle(path[0], events::add);
        contender.handle(path[1], events::add);
        Command accused = new Command(id, path[2].trigger(), PeerPath.ACCUSED, path[2].fact(), null);
        assertThrows(PeerPath.Refused.class, () -> contender.handle(accused, events::add));
        Command early = new Command(id, path[2].trigger(), path[2].actor(), path[0].fact().minusDays(1), null);
        assertThrows(PeerPath.Refused.class, () -> contender.handle(early, events::add));
        assertThrows(PeerPath.Refused.class, () -> contender.handle(path[6], events::add));   // approve before a proposal
        assertEquals(2, events.size());
        for (int i = 2; i < path.length; i++) contender.handle(path[i], events::add);   // the refusals changed nothing
        assertEquals(PeerPath.LENGTH, events.size());
    }

    @Test
    void xinfangRunsTheSamePathToTheReviewsConclusionAndRefusesTheSameTwoGuards() {
        CaseDecider decider = CaseDecider.create(TimeLimits.standard(), Lifecycles.DIRECTORY, RankLadder.civilService(),
                EscalationPolicy.standard());
        CaseState end = PeersBenchmark.decideEvolve(decider, new CaseId("X-1"));
        assertEquals(Stage.REVIEWED, end.stage());
        assertEquals(PeerPath.LENGTH, Lifecycles.peerPath(new CaseId("X-1")).size());

        var path = Lifecycles.peerPath(new CaseId("X-2"));
        CaseState registered = CaseState.replay(((CaseDecider.Decision.Accepted)
                decider.decide(null, path.get(0), Lifecycles.CLOCK.instant())).events());
        var byAccused = new ProcedureCommand.Route(new CaseId("X-2"), new IdempotencyKey("a"),
                Actor.official(new OfficialId(PeerPath.ACCUSED), Lifecycles.URBAN),
                Lifecycles.HOUSING, LocalDate.parse("2026-03-04"));
        assertEquals(CaseDecider.Decision.Rejected.class, decider.decide(registered, byAccused, Lifecycles.CLOCK.instant()).getClass());
        var early = new ProcedureCommand.Route(new CaseId("X-2"), new IdempotencyKey("b"),
                ((ProcedureCommand.Route) path.get(1)).actor(), Lifecycles.HOUSING, LocalDate.parse("2026-03-01"));
        assertEquals(CaseDecider.Decision.Rejected.class, decider.decide(registered, early, Lifecycles.CLOCK.instant()).getClass());
    }
}
