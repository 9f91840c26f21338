package io.github.xinfang.examples.portal;

import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.service.CaseChange;
import io.github.xinfang.service.CaseService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal over real HTTP (a random port) on the embedded PostgreSQL server, at a fixed instant (2026-03-20): the
 * procedure walked through, a unit's overdue cases, package leaders, the background sweep, the change-feed projection,
 * no personal data in any answer, health and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xinfang.sweep.interval=500ms")
class PortalTests extends OnAFreshDatabase {
    static final Instant NOW = Instant.parse("2026-03-20T02:00:00Z");
    private static final AtomicInteger CASES = new AtomicInteger();

    /** The portal's clock in these tests (the starter's backs off for it). */
    @TestConfiguration
    static class FixedClock {
        @Bean
        InstantSource clock() {
            return InstantSource.fixed(NOW);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CaseService cases;

    @Autowired
    CaseLog log;

    private Http clerk() {
        return new Http(port, "xfj-001");
    }

    private static String newCase() {
        return "GB-2026-" + CASES.incrementAndGet();
    }

    /** Registers a case received on {@code receivedOn} with one generated petitioner. */
    private String register(String receivedOn) {
        String id = newCase();
        People people = new People(id.hashCode());
        Http.Response r = clerk().post("/cases/" + id + "?receipt=R-" + id, People.petition(receivedOn, people.summary(people.phrase(3)), people.next()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return id;
    }

    @Test
    void walksAPetitionFromRegistrationToApprovedConclusion() {
        String id = newCase();
        People people = new People(7);
        Http clerk = clerk();
        Http staff = clerk.as("zjj-021");
        Http head = clerk.as("zjj-head");

        Http.Response registered = clerk.post("/cases/" + id + "?receipt=R-" + id, People.petition("2026-03-16", people.summary("拆迁"), people.next()), "k-" + id);
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(registered.json().path("version").asLong()).isEqualTo(1);
        Http.Response replayed = clerk.post("/cases/" + id + "?receipt=R-" + id, People.petition("2026-03-16", people.summary("拆迁"), new People(7).next()), "k-" + id);
        assertThat(replayed.json().path("replayed").asBoolean()).as(replayed.body()).isTrue();
        Http.Response mismatch = clerk.post("/cases/" + id + "?receipt=R-" + id, People.petition("2026-03-16", people.summary("拆迁"), people.next()), "k-" + id);
        assertThat(mismatch.status()).as("the same key with another petition").isEqualTo(409);
        assertThat(mismatch.json().path("code").asString()).isEqualTo("IDEMPOTENCY_MISMATCH");

        long routed = version(clerk.post("/cases/" + id + "/route?unit=gb-zjj&receivedOn=2026-03-17", null));
        long accepted = version(staff.post("/cases/" + id + "/accept?acceptedOn=2026-03-18", null));
        long proposed = version(staff.post("/cases/" + id + "/conclusion",
                "{\"outcome\":\"SUPPORTED\",\"replyText\":\"同意补办不动产权证书。\",\"proposedOn\":\"2026-03-19\"}"));

        Http.Response byProposer = staff.post("/cases/" + id + "/conclusion/approval?approvedOn=2026-03-20", null);
        assertThat(byProposer.status()).as(byProposer.body()).isEqualTo(422);
        assertThat(byProposer.json().path("code").asString()).isEqualTo("SAME_ACTOR");
        assertThat(byProposer.json().path("detail").asString()).isEqualTo("审核人不得为报结人");
        assertThat(clerk.as(null).post("/cases/" + id + "/conclusion/approval?approvedOn=2026-03-20", null).status()).as("nobody acts").isEqualTo(401);
        assertThat(head.post("/cases/" + id + "/conclusion/approval?approvedOn=2026-03-20", null, null).status()).as("no key").isEqualTo(400);
        long approved = version(head.post("/cases/" + id + "/conclusion/approval?approvedOn=2026-03-20", null));
        assertThat(List.of(1L, routed, accepted, proposed, approved)).isSorted().doesNotHaveDuplicates();

        JsonNode history = clerk.get("/cases/" + id).json();
        assertThat(history.path("state").path("procedure").path("stage").asString()).isEqualTo("CONCLUDED");
        assertThat(history.path("version").asLong()).isGreaterThanOrEqualTo(approved);
        List<String> commanded = types(history).stream().filter(t -> !t.endsWith("-recorded")).toList();   // the sweep's records aside
        assertThat(commanded).containsExactly("case.registered", "case.routed", "case.accepted", "case.conclusion-proposed",
                "case.conclusion-approved");
        assertThat(clerk.get("/cases/GB-NONE").status()).isEqualTo(404);
        assertThat(clerk.get("/cases/GB%E2%80%8B1").status()).as("an id with a zero-width space").isEqualTo(400);
    }

    @Test
    void listsAUnitsOverdueCases() {
        String late = register("2026-01-05");
        assertThat(clerk().post("/cases/" + late + "/route?unit=gb-zjj&receivedOn=2026-01-06", null).status()).isEqualTo(200);
        String onTime = register("2026-03-17");
        assertThat(clerk().post("/cases/" + onTime + "/route?unit=gb-zjj&receivedOn=2026-03-18", null).status()).isEqualTo(200);

        JsonNode page = clerk().get("/units/gb-zjj/overdue").json();
        List<String> ids = new ArrayList<>();
        for (JsonNode item : page.path("items")) ids.add(item.path("row").path("caseId").asString());
        assertThat(ids).contains(late).doesNotContain(onTime);
        JsonNode lateCase = find(page.path("items"), late);
        List<String> clocks = new ArrayList<>();
        for (JsonNode c : lateCase.path("lateClocks")) {
            clocks.add(c.path("clock").asString());
            assertThat(c.path("daysLate").asLong()).isPositive();
        }
        assertThat(clocks).isNotEmpty();
        assertThat(clerk().get("/units/gb-zf/overdue").json().path("items")).isEmpty();
    }

    @Test
    void assignsPackageLeadersByRank() {
        String id = register("2025-11-03");
        Http office = clerk().as("xfj-head");
        assertThat(office.post("/cases/" + id + "/backlog?designatedOn=2026-03-10", null).status()).isEqualTo(200);
        assertThat(office.post("/cases/" + id + "/hard?reason=钉子案&flaggedOn=2026-03-10", null).status()).isEqualTo(200);
        String leader = "{\"leader\":\"%s\",\"leadUnit\":\"gb-zjj\",\"taskForce\":[\"zjj-021\"],\"coUnits\":[],\"assignedOn\":\"2026-03-11\"}";

        Http.Response deputy = office.post("/cases/" + id + "/leader", leader.formatted("zf-fqz"));
        assertThat(deputy.status()).as("a hard case needs 县处级正职: " + deputy.body()).isEqualTo(422);
        assertThat(deputy.json().path("code").asString()).isEqualTo("RANK_TOO_LOW");
        Http.Response head = office.post("/cases/" + id + "/leader", leader.formatted("zf-qz"));
        assertThat(head.status()).as(head.body()).isEqualTo(200);

        List<String> led = new ArrayList<>();
        for (JsonNode row : clerk().get("/leaders/zf-qz/cases").json().path("items")) led.add(row.path("caseId").asString());
        assertThat(led).contains(id);
        assertThat(clerk().get("/leaders/zf-fqz/cases").json().path("items")).isEmpty();
        assertThat(types(clerk().get("/cases/" + id).json())).contains("case.backlog-designated", "case.package-leader-assigned");
    }

    @Test
    void theStartersSweepRecordsBreachesInTheBackground() throws InterruptedException {
        String id = register("2025-12-01");   // never routed: the routing clock ran out in December
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!types(clerk().get("/cases/" + id).json()).contains("case.breach-recorded")) {
            assertThat(System.nanoTime()).as("the sweep records the breach").isLessThan(deadline);
            Thread.sleep(200);
        }
        JsonNode xinfang = clerk().get("/actuator/health").json().path("components").path("xinfang");
        assertThat(xinfang.path("details").path("lastSweepAt").asString()).isEqualTo(NOW.toString());
    }

    @Test
    void answersHoldNoPersonalData() {
        People people = new People(System.nanoTime());
        List<String> personal = new ArrayList<>();
        List<Http.Response> answers = new ArrayList<>();
        Http clerk = clerk();
        for (int i = 0; i < 5; i++) {
            String id = newCase();
            People.Person a = people.next();
            People.Person b = people.next();
            String phrase = people.phrase(4);
            String summary = people.summary(phrase);
            personal.addAll(List.of(a.name(), a.idNumber(), a.phone(), a.address(), b.name(), b.idNumber(), b.phone(), b.address(), phrase));
            answers.add(clerk.post("/cases/" + id + "?receipt=R-" + id, People.petition("2026-01-0" + (i + 2), summary, a, b)));
            answers.add(clerk.post("/cases/" + id + "?receipt=R-" + id + "-again", People.petition("2026-01-0" + (i + 2), summary, a, b)));
            answers.add(clerk.post("/cases/" + id + "/route?unit=gb-zjj&receivedOn=2026-01-1" + i, null));
            answers.add(clerk.as("zjj-021").post("/cases/" + id + "/accept?acceptedOn=2026-01-2" + i, null));
            String reply = "经核查，" + a.name() + "（" + a.phone() + "）反映属实。";
            answers.add(clerk.as("zjj-021").post("/cases/" + id + "/conclusion",
                    "{\"outcome\":\"SUPPORTED\",\"replyText\":\"" + reply + "\",\"proposedOn\":\"2026-03-1" + i + "\"}"));
            answers.add(clerk.get("/cases/" + id));
        }
        answers.add(clerk.get("/units/gb-zjj/overdue"));
        answers.add(clerk.get("/actuator/health"));
        answers.add(clerk.get("/actuator/info"));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isLessThan(500));
        Http.Response history = answers.get(5);
        assertThat(history.body()).as("the history is there, masked")
                .contains("case.registered", "case.conclusion-proposed", personal.get(0).charAt(0) + "*", personal.get(2).substring(7));
        for (Http.Response r : answers) {
            for (String value : personal) assertThat(r.body()).doesNotContain(value);
        }
    }

    @Test
    void theChangeFeedProjectionHoldsEveryCommittedChangeOnceInOrder() throws InterruptedException {
        String id = register("2026-03-16");
        assertThat(clerk().post("/cases/" + id + "/route?unit=gb-zjj&receivedOn=2026-03-17", null).status()).isEqualTo(200);
        assertThat(clerk().as("zjj-021").post("/cases/" + id + "/conclusion/approval?approvedOn=2026-03-18", null).status())
                .as("refused: no change").isEqualTo(409);
        assertThat(clerk().as("zjj-021").post("/cases/" + id + "/accept?acceptedOn=2026-03-18", null).status()).isEqualTo(200);

        List<CaseChange> feed = cases.changesAfter(0, 100_000);
        assertThat(feed).isNotEmpty();
        Map<Long, CaseLog.Entry> logged = new HashMap<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            logged.clear();
            for (CaseLog.Entry e : log.findAll()) assertThat(logged.put(e.position(), e)).as("position %d logged twice", e.position()).isNull();
            if (feed.stream().allMatch(c -> logged.containsKey(c.position()))) break;
            assertThat(System.nanoTime()).as("the projection catches up with " + feed.size() + " changes").isLessThan(deadline);
            Thread.sleep(100);
        }
        for (CaseChange c : feed) {
            CaseLog.Entry e = logged.get(c.position());
            assertThat(e.caseId()).isEqualTo(c.caseId().value());
            assertThat(e.version()).isEqualTo(c.version());
            assertThat(e.events()).isEqualTo(String.join(",", c.events().stream().map(CaseEvent::typeName).toList()));
        }

        JsonNode history = clerk().get("/cases/" + id).json();
        List<Long> versions = new ArrayList<>();
        for (JsonNode e : clerk().get("/cases/" + id + "/log").json()) versions.add(e.path("version").asLong());
        assertThat(versions).as("the case's log over HTTP, as of the feed read above").startsWith(1L, 2L, 3L).isSorted().doesNotHaveDuplicates();
        assertThat(versions.get(versions.size() - 1)).isLessThanOrEqualTo(history.path("version").asLong());
    }

    @Test
    void healthInfoAndMetricsShowXinfang() {
        register("2026-03-16");
        Http.Response health = clerk().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode xinfang = health.json().path("components").path("xinfang");
        assertThat(xinfang.path("status").asString()).isEqualTo("UP");
        assertThat(xinfang.path("details").path("schemaVersion").asInt()).isEqualTo(xinfang.path("details").path("schemaVersionExpected").asInt());
        assertThat(clerk().get("/actuator/info").json().path("xinfang").isMissingNode()).isFalse();
        JsonNode commands = clerk().get("/actuator/metrics/xinfang.commands?tag=command:Register&tag=outcome:applied").json();
        assertThat(commands.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
        JsonNode follower = xinfang.path("details").path("feed").path("portal-case-log");
        assertThat(follower.isMissingNode()).as("the projection's follower in health: " + xinfang).isFalse();
    }

    private static long version(Http.Response applied) {
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        return applied.json().path("version").asLong();
    }

    static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        for (JsonNode e : history.path("events")) types.add(e.path("type").asString());
        return types;
    }

    private static JsonNode find(JsonNode items, String caseId) {
        for (JsonNode item : items) if (item.path("row").path("caseId").asString().equals(caseId)) return item;
        throw new AssertionError("no " + caseId + " in " + items);
    }
}
