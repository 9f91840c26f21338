package io.github.xinfang.examples.portal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's own rows and xinfang's in one {@code @Transactional} method ({@link Intake#register}), over HTTP on the
 * embedded PostgreSQL server, with a pool of two connections: a registration whose receipt cannot be filed leaves
 * neither the receipt nor the case (no torn write), one that can leaves both, and four requests at once on two
 * connections all succeed (the participating store uses the request's connection only).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=10000"})
class PortalTransactionTests extends OnAFreshDatabase {

    @LocalServerPort
    int port;

    @Autowired
    Receipts receipts;

    @Autowired
    CaseLog log;

    private Http clerk() {
        return new Http(port, "xfj-001");
    }

    private Http.Response register(String caseId, String receiptNo) {
        People people = new People(caseId.hashCode());
        return clerk().post("/cases/" + caseId + "?receipt=" + receiptNo, People.petition("2026-03-02", people.summary("征地"), people.next()));
    }

    private double appliedRegistrations() {
        return clerk().get("/actuator/metrics/xinfang.commands?tag=command:Register&tag=outcome:applied").json()
                .path("measurements").get(0).path("value").asDouble();
    }

    @Test
    void aRegistrationWhoseReceiptFailsLeavesNeitherRowAndOneThatSucceedsLeavesBoth() throws InterruptedException {
        Http.Response first = register("TW-1", "GB-R-0001");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(receipts.countByCaseId("TW-1")).as("the portal's row").isEqualTo(1);
        assertThat(clerk().get("/cases/TW-1").status()).as("xinfang's rows").isEqualTo(200);

        double appliedBefore = appliedRegistrations();
        Http.Response torn = register("TW-2", "GB-R-0001");   // the receipt number is taken: filing it fails after the case was written
        assertThat(torn.status()).as(torn.body()).isEqualTo(500);
        assertThat(appliedRegistrations()).as("the case service did apply the registration inside the transaction").isEqualTo(appliedBefore + 1);
        assertThat(receipts.countByCaseId("TW-2")).as("the portal's row").isZero();
        assertThat(clerk().get("/cases/TW-2").status()).as("xinfang's rows went with the transaction").isEqualTo(404);

        Http.Response retried = register("TW-2", "GB-R-0002");   // the same case with a free receipt number: both rows
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("version").asLong()).as("a new case, not a replay").isEqualTo(1);
        assertThat(receipts.countByCaseId("TW-2")).isEqualTo(1);
        assertThat(clerk().get("/cases/TW-2").status()).isEqualTo(200);

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (log.findByCaseIdOrderByPosition("TW-2").isEmpty()) {
            assertThat(System.nanoTime()).as("the projection sees the registration").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(log.findByCaseIdOrderByPosition("TW-2")).as("the change feed never saw the rolled-back registration")
                .extracting(CaseLog.Entry::version).containsExactly(1L);
    }

    @Test
    void fourConcurrentTransactionalRequestsOnAPoolOfTwoAllSucceed() throws Exception {
        assertThat(clerk().get("/actuator/metrics/hikaricp.connections.max").json().path("measurements").get(0).path("value").asDouble())
                .as("the pool's size").isEqualTo(2);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<String> ids = List.of("PC-" + round + "-a", "PC-" + round + "-b", "PC-" + round + "-c", "PC-" + round + "-d");
                assertThat(atOnce(threads, ids, id -> register(id, "R-" + id))).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
                assertThat(atOnce(threads, ids, id -> clerk().post("/cases/" + id + "/route?unit=gb-zjj&receivedOn=2026-03-03", null)))
                        .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
                for (String id : ids) assertThat(receipts.countByCaseId(id)).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Sends one request per case from four threads released together. */
    private static List<Http.Response> atOnce(ExecutorService threads, List<String> ids, java.util.function.Function<String, Http.Response> send)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> sent = new ArrayList<>();
        for (String id : ids) {
            Callable<Http.Response> call = () -> {
                go.await();
                return send.apply(id);
            };
            sent.add(threads.submit(call));
        }
        go.countDown();
        List<Http.Response> answers = new ArrayList<>();
        for (Future<Http.Response> f : sent) answers.add(f.get(60, TimeUnit.SECONDS));
        return answers;
    }
}
