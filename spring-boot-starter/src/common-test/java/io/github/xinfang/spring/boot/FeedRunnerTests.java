package io.github.xinfang.spring.boot;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.service.CaseChange;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change-feed runner, run on each Spring Boot line by its starter's build: a portal's handler bean records each
 * change in its own table through a {@code JdbcTemplate}, in the runner's transaction. Its rows and its position commit
 * together or not at all; two applications on one database record each change once in total; a restart goes on from
 * the saved position; lag is in health and meters.
 */
@ExtendWith(OutputCaptureExtension.class)
class FeedRunnerTests {
    static final String FOLLOWER = "portal-case-log";

    private final XinfangAutoConfigurationTests.MovableClock clock = new XinfangAutoConfigurationTests.MovableClock();

    /** Told of each change the portal's handler records, after its insert; may throw to make the handler fail. */
    interface AfterInsert {
        void after(CaseChange change);
    }

    /** The portal's follower: one row per change in its table {@code portal_case_log}, with the node that handled it. */
    @Configuration(proxyBeanMethods = false)
    static class PortalCaseLog {
        @Bean
        CaseChangeHandler portalCaseLog(DataSource dataSource, Environment environment, ObjectProvider<AfterInsert> after) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String node = environment.getProperty("portal.node", "a");
            return CaseChangeHandler.of(FOLLOWER, change -> {
                jdbc.update("INSERT INTO portal_case_log (position, case_id, node) VALUES (?, ?, ?)",
                        change.position(), change.caseId().value(), node);
                after.ifAvailable(a -> a.after(change));
            });
        }
    }

    /** The application's {@code JdbcTemplate} (the guide's handler takes one). */
    @Configuration(proxyBeanMethods = false)
    static class Jdbc {
        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }
    }

    /** An application with its own H2 database (or the one named), the portal's follower, and polls left to the test. */
    private ApplicationContextRunner node(String database, String name) {
        return application(database, name).withUserConfiguration(PortalCaseLog.class);
    }

    /** An application with its own H2 database (or the one named), no follower yet, and polls left to the test. */
    private ApplicationContextRunner application(String database, String name) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(XinfangAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(BootLine.JDBC))
                .withBean(java.time.InstantSource.class, () -> clock)
                .withBean(OrganisationDirectory.class, () -> XinfangAutoConfigurationTests.DIRECTORY)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                        "spring.datasource.username=sa", "spring.datasource.password=",
                        "xinfang.sweep.enabled=false", "xinfang.feed.interval=1h", "portal.node=" + name);
    }

    private ApplicationContextRunner node() {
        return node(UUID.randomUUID().toString(), "a");
    }

    @Test
    void aHandlersRowsAndItsPositionCommitTogether() {
        node().run(context -> {
            assertThat(context).hasNotFailed();
            FeedRunner runner = ready(context);
            CaseService service = context.getBean(CaseService.class);
            register(service, "C-1");
            register(service, "C-2");
            route(service, "C-1");

            runner.pollOnce();

            assertThat(log(context)).containsExactly("1 C-1 a", "2 C-2 a", "3 C-1 a");
            assertThat(savedPosition(context)).isEqualTo(3);
            assertThat(runner.status(FOLLOWER)).hasValueSatisfying(s -> {
                assertThat(s.failure()).isNull();
                assertThat(s.position()).hasValue(3);
                assertThat(s.lag()).hasValue(0);
                assertThat(s.handled()).isEqualTo(3);
            });
            runner.pollOnce();
            assertThat(log(context)).as("nothing is handed on twice").hasSize(3);
        });
    }

    @Test
    void aHandlerThatFailsAfterItsInsertLeavesNeitherRowNorPositionAndGetsTheBatchAgain(CapturedOutput output) {
        List<Long> calls = new CopyOnWriteArrayList<>();
        AtomicReference<RuntimeException> failNext = new AtomicReference<>(new IllegalStateException("the portal's projection fails"));
        AfterInsert failing = change -> {
            calls.add(change.position());
            if (change.position() == 2) {
                RuntimeException e = failNext.get();
                if (e != null) throw e;
            }
        };
        node().withBean(AfterInsert.class, () -> failing).run(context -> {
            FeedRunner runner = ready(context);
            CaseService service = context.getBean(CaseService.class);
            register(service, "C-1");
            register(service, "C-2");
            route(service, "C-1");
            XinfangHealthIndicator health = context.getBean(XinfangHealthIndicator.class);

            runner.pollOnce();
            runner.pollOnce();   // the same failure again: logged once

            assertThat(log(context)).as("change 1's row went with the batch").isEmpty();
            assertThat(savedPosition(context)).isZero();
            assertThat(calls).containsExactly(1L, 2L, 1L, 2L);
            assertThat(runner.status(FOLLOWER)).hasValueSatisfying(s -> {
                assertThat(s.failure()).isInstanceOf(IllegalStateException.class);
                assertThat(s.position()).hasValue(0);
                assertThat(s.handled()).isZero();
            });
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
            assertThat(feedDetails(health)).containsEntry("position", 0L)
                    .containsEntry("lastPollFailure", IllegalStateException.class.getName());
            assertThat(count(output, "xinfang feed follower " + FOLLOWER + " failed handling")).isEqualTo(1);

            failNext.set(new IllegalArgumentException("another failure"));
            runner.pollOnce();
            assertThat(count(output, "xinfang feed follower " + FOLLOWER + " failed handling")).as("a new failure is logged").isEqualTo(2);
            assertThat(output.getOut() + output.getErr()).contains("java.lang.IllegalArgumentException: another failure");

            failNext.set(null);
            runner.pollOnce();

            assertThat(log(context)).containsExactly("1 C-1 a", "2 C-2 a", "3 C-1 a");
            assertThat(savedPosition(context)).isEqualTo(3);
            assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
            assertThat(feedDetails(health)).containsEntry("position", 3L).containsEntry("lag", 0L).doesNotContainKey("lastPollFailure");
            assertThat(count(output, "xinfang feed follower " + FOLLOWER + " works again")).isEqualTo(1);
        });
    }

    /**
     * Two applications on one database (two nodes), each polling from two threads while the first takes commands:
     * each change is recorded once in total (the portal's table has no key, so a change handled twice would show).
     */
    @Test
    void twoNodesOnOneDatabaseRecordEachChangeOnceInTotal() {
        String database = UUID.randomUUID().toString();
        int cases = 40;
        node(database, "a").withPropertyValues("xinfang.feed.batch-size=3").run(a -> {
            FeedRunner first = ready(a);
            node(database, "b").withPropertyValues("xinfang.feed.batch-size=3").run(b -> {
                FeedRunner second = ready(b);
                CaseService service = a.getBean(CaseService.class);
                JdbcCaseStore store = (JdbcCaseStore) a.getBean(io.github.xinfang.persistence.CaseStore.class);
                AtomicBoolean written = new AtomicBoolean();
                ExecutorService threads = Executors.newFixedThreadPool(4);
                try {
                    List<Future<?>> pollers = new ArrayList<>();
                    for (FeedRunner r : List.of(first, second, first, second)) {
                        pollers.add(threads.submit(() -> {
                            while (true) {
                                boolean done = written.get();
                                r.pollOnce();
                                if (done && r.status(FOLLOWER).map(s -> s.position().orElse(-1)).orElse(-1L) >= store.feedHead()) {
                                    return null;
                                }
                            }
                        }));
                    }
                    for (int i = 1; i <= cases; i++) register(service, "C-" + i);
                    written.set(true);
                    for (Future<?> p : pollers) p.get(120, TimeUnit.SECONDS);
                } finally {
                    threads.shutdownNow();
                }

                List<String> expected = new ArrayList<>();
                for (int i = 1; i <= cases; i++) expected.add(i + " C-" + i);
                assertThat(log(a).stream().map(r -> r.substring(0, r.lastIndexOf(' '))).toList())
                        .as("each change once, in order").isEqualTo(expected);
                assertThat(savedPosition(b)).isEqualTo(cases);
            });
        });
    }

    @Test
    void aRestartedApplicationGoesOnFromTheSavedPosition() {
        String database = UUID.randomUUID().toString();
        List<Long> handedToTheSecond = new CopyOnWriteArrayList<>();
        node(database, "a").run(context -> {
            FeedRunner runner = ready(context);
            register(context.getBean(CaseService.class), "C-1");
            register(context.getBean(CaseService.class), "C-2");
            runner.pollOnce();
            assertThat(savedPosition(context)).isEqualTo(2);
        });
        node(database, "b").withBean(AfterInsert.class, () -> change -> handedToTheSecond.add(change.position())).run(context -> {
            FeedRunner runner = ready(context);
            register(context.getBean(CaseService.class), "C-3");
            runner.pollOnce();
            assertThat(handedToTheSecond).containsExactly(3L);
            assertThat(log(context)).containsExactly("1 C-1 a", "2 C-2 a", "3 C-3 b");
        });
    }

    /** The guide's handler ({@code docs/spring-boot.md}, "Background work"), run: one row per change, with its version. */
    @Test
    void theGuidesHandlerRecordsEachChangeWithItsVersion() {
        application(UUID.randomUUID().toString(), "a")
                .withUserConfiguration(Jdbc.class, io.github.xinfang.spring.boot.docs.SpringBootDocSnippets.FeedConfiguration.class)
                .run(context -> {
                    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                    jdbc.execute("CREATE TABLE portal_case_log (position BIGINT NOT NULL, case_id VARCHAR(64) NOT NULL, version BIGINT NOT NULL)");
                    FeedRunner runner = ready(context);
                    CaseService service = context.getBean(CaseService.class);
                    register(service, "C-1");
                    route(service, "C-1");
                    register(service, "C-2");

                    runner.pollOnce();

                    assertThat(jdbc.query("SELECT position, case_id, version FROM portal_case_log ORDER BY position",
                            (rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " v" + rs.getLong(3)))
                            .containsExactly("1 C-1 v1", "2 C-1 v2", "3 C-2 v1");
                    assertThat(runner.followers()).containsExactly(FOLLOWER);
                    assertThat(savedPosition(context)).isEqualTo(3);
                });
    }

    /** Lag, as of each poll, in health and as the gauge {@code xinfang.feed.lag}; a batch hands on at most batch-size changes. */
    @Test
    void lagIsShownInHealthAndAsAGaugeTaggedByFollower() {
        MeterRegistry registry = new SimpleMeterRegistry();
        node().withBean(MeterRegistry.class, () -> registry).withPropertyValues("xinfang.feed.batch-size=2").run(context -> {
            FeedRunner runner = ready(context);
            CaseService service = context.getBean(CaseService.class);
            for (int i = 1; i <= 5; i++) register(service, "C-" + i);
            XinfangHealthIndicator health = context.getBean(XinfangHealthIndicator.class);

            long[] expectedLag = {3, 1, 0};
            for (long lag : expectedLag) {
                runner.pollOnce();
                assertThat(registry.get("xinfang.feed.lag").tag("follower", FOLLOWER).gauge().value()).isEqualTo((double) lag);
                assertThat(feedDetails(health)).containsEntry("lag", lag).containsEntry("position", 5 - lag);
            }
            assertThat(registry.get("xinfang.feed.changes").tag("follower", FOLLOWER).counter().count()).isEqualTo(5);
            assertThat(registry.get("xinfang.feed.polls").tag("follower", FOLLOWER).tag("result", "ok").counter().count())
                    .as("the start's poll and three").isEqualTo(4);
            assertThat(log(context)).hasSize(5);
        });
    }

    /** Every bean lazy: the runner still starts with the application and hands changes on in the background. */
    @Test
    void withEveryBeanLazyTheRunnerStartsAndHandsChangesOn() throws InterruptedException {
        node().withPropertyValues("xinfang.feed.interval=50ms")
                .withBean(org.springframework.boot.LazyInitializationBeanFactoryPostProcessor.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    FeedRunner runner = context.getBean(FeedRunner.class);
                    assertThat(runner.isRunning()).isTrue();
                    createLog(context);
                    register(context.getBean(CaseService.class), "C-1");
                    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (log(context).isEmpty() && System.nanoTime() < until) Thread.sleep(20);
                    assertThat(log(context)).containsExactly("1 C-1 a");
                });
    }

    @Test
    void withoutADataSourceThePositionsAreKeptInMemory() {
        List<String> handled = new CopyOnWriteArrayList<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(XinfangAutoConfiguration.class))
                .withBean(java.time.InstantSource.class, () -> clock)
                .withBean(OrganisationDirectory.class, () -> XinfangAutoConfigurationTests.DIRECTORY)
                .withBean(CaseChangeHandler.class, () -> CaseChangeHandler.of("memo", c -> handled.add(c.position() + " " + c.caseId().value())))
                .withPropertyValues("xinfang.sweep.enabled=false", "xinfang.feed.interval=1h", "xinfang.feed.batch-size=2")
                .run(context -> {
                    FeedRunner runner = ready(context);
                    CaseService service = context.getBean(CaseService.class);
                    for (int i = 1; i <= 3; i++) register(service, "C-" + i);
                    runner.pollOnce();
                    assertThat(runner.status("memo").orElseThrow().lag()).hasValue(1);
                    runner.pollOnce();
                    runner.pollOnce();
                    assertThat(handled).containsExactly("1 C-1", "2 C-2", "3 C-3");
                    assertThat(runner.status("memo").orElseThrow().position()).hasValue(3);
                    assertThat(runner.status("memo").orElseThrow().lag()).hasValue(0);
                });
    }

    @Test
    void withoutHandlersOrWhenDisabledThereIsNoRunnerAndBadNamesStopTheStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(XinfangAutoConfiguration.class))
                .withBean(OrganisationDirectory.class, () -> XinfangAutoConfigurationTests.DIRECTORY)
                .withPropertyValues("xinfang.sweep.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(FeedRunner.class);
                });
        node().withPropertyValues("xinfang.feed.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(FeedRunner.class);
        });
        node().withBean("second", CaseChangeHandler.class, () -> CaseChangeHandler.of(FOLLOWER, c -> { })).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseMessage("two CaseChangeHandlers have the follower name "
                    + FOLLOWER + " (CaseChangeHandler[" + FOLLOWER + "] and CaseChangeHandler[" + FOLLOWER + "]): each follower"
                    + " keeps a position of its own, so each needs a name of its own");
        });
        node().withBean("bad", CaseChangeHandler.class, () -> CaseChangeHandler.of("投影 log", c -> { })).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("投影 log");
        });
    }

    @Test
    void theFeedPropertiesAreDescribedInTheGeneratedMetadata() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata generated on Boot %s", BootLine.NAME).isNotNull();
            Map<String, com.fasterxml.jackson.databind.JsonNode> properties = new java.util.HashMap<>();
            for (var p : new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).get("properties")) {
                properties.put(p.get("name").asText(), p);
            }
            Map<String, String> defaults = Map.of("xinfang.feed.enabled", "true", "xinfang.feed.interval", "1s",
                    "xinfang.feed.batch-size", "100");
            defaults.forEach((name, value) -> {
                assertThat(properties).as(name).containsKey(name);
                assertThat(properties.get(name).get("defaultValue").asText()).as(name).isEqualTo(value);
                assertThat(properties.get(name).get("description").asText()).as(name).isNotBlank();
            });
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** @return the runner, once its first poll at start is done (so the test's polls are the only ones after it) */
    private static FeedRunner ready(AssertableApplicationContext context) throws InterruptedException {
        assertThat(context).hasNotFailed();
        if (context.getBeanNamesForType(PortalCaseLog.class).length > 0) createLog(context);
        FeedRunner runner = context.getBean(FeedRunner.class);
        assertThat(runner.isRunning()).isTrue();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (runner.statuses().size() < runner.followers().size() && System.nanoTime() < until) Thread.sleep(10);
        assertThat(runner.statuses()).hasSameSizeAs(runner.followers());
        return runner;
    }

    private static void createLog(AssertableApplicationContext context) {
        new JdbcTemplate(context.getBean(DataSource.class)).execute(
                "CREATE TABLE IF NOT EXISTS portal_case_log (position BIGINT NOT NULL, case_id VARCHAR(64) NOT NULL, node VARCHAR(8) NOT NULL)");
    }

    /** @return the portal's rows, as "position case node", in position order */
    private static List<String> log(AssertableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class)).query(
                "SELECT position, case_id, node FROM portal_case_log ORDER BY position, node",
                (rs, row) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3));
    }

    private static long savedPosition(AssertableApplicationContext context) {
        Long p = new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                "SELECT position FROM xf_feed_positions WHERE follower = ?", Long.class, FOLLOWER);
        return p == null ? -1 : p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> feedDetails(XinfangHealthIndicator health) {
        Map<String, Object> feed = (Map<String, Object>) health.health().getDetails().get("feed");
        assertThat(feed).containsKey(FOLLOWER);
        return (Map<String, Object>) feed.get(FOLLOWER);
    }

    private static int count(CapturedOutput output, String text) {
        String all = output.getOut() + output.getErr();
        int n = 0;
        for (int i = all.indexOf(text); i >= 0; i = all.indexOf(text, i + 1)) n++;
        return n;
    }

    private static void register(CaseService service, String id) {
        CommandResult r = service.handle(new ProcedureCommand.Register(new CaseId(id), new IdempotencyKey("register-" + id),
                Actor.official(XinfangAutoConfigurationTests.CLERK, XinfangAutoConfigurationTests.OFFICE),
                new PetitionForm(XinfangAutoConfigurationTests.DAY, Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("覃某", null, null, null)), null, null, "内容"), null));
        assertThat(r).isInstanceOf(CommandResult.Applied.class);
    }

    private static void route(CaseService service, String id) {
        CommandResult r = service.handle(new ProcedureCommand.Route(new CaseId(id), new IdempotencyKey("route-" + id),
                Actor.official(XinfangAutoConfigurationTests.CLERK, XinfangAutoConfigurationTests.OFFICE),
                XinfangAutoConfigurationTests.HOUSING, XinfangAutoConfigurationTests.DAY));
        assertThat(r).isInstanceOf(CommandResult.Applied.class);
    }
}
