package io.github.xinfang.spring.boot;

import io.github.xinfang.persistence.chain.AuditEntry;
import io.github.xinfang.persistence.chain.ChainVerifier;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.privacy.InMemoryKeyProvider;
import io.github.xinfang.privacy.KeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.service.AccessPolicy;
import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.StoreException;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.ClusterWatch;
import io.github.xinfang.service.CommandResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration, run on each Spring Boot line by its starter's build (the same test, compiled against Boot 3.5
 * and against Boot 4.0; {@link BootLine} names what differs).
 */
class XinfangAutoConfigurationTests {
    static final UnitId OFFICE = new UnitId("office");
    static final UnitId HOUSING = new UnitId("housing");
    static final OfficialId CLERK = new OfficialId("clerk");
    static final OrganisationDirectory DIRECTORY = OrganisationDirectory.of(
            List.of(new OrganisationDirectory.Unit(OFFICE, "港北区信访局", "petition-office", "county", new RegionCode("450802"), null),
                    new OrganisationDirectory.Unit(HOUSING, "港北区住房和城乡建设局", "department", "county", new RegionCode("450802"), null)),
            List.of(new OrganisationDirectory.Official(CLERK, OFFICE, "科员", "科员", false)));
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** A clock the test moves. */
    static final class MovableClock implements InstantSource {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T02:00:00Z"));

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private final MovableClock clock = new MovableClock();

    /** The auto-configuration with the test's clock, without a directory. */
    private final ApplicationContextRunner bare = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(XinfangAutoConfiguration.class))
            .withBean(InstantSource.class, () -> clock)
            .withPropertyValues("xinfang.sweep.enabled=false");

    private final ApplicationContextRunner runner = bare.withBean(OrganisationDirectory.class, () -> DIRECTORY);

    /** The runner with an H2 database of its own, through the Boot line's DataSource auto-configuration. */
    private ApplicationContextRunner withDatabase() {
        return runner.withConfiguration(AutoConfigurations.of(BootLine.JDBC))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "spring.datasource.username=sa", "spring.datasource.password=");
    }

    private static CommandResult register(CaseService service, String id) {
        return service.handle(new ProcedureCommand.Register(new CaseId(id), new IdempotencyKey("register-" + id), Actor.official(CLERK, OFFICE),
                new PetitionForm(DAY, Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("覃某", null, null, null)), null, null, "内容"), null));
    }

    private static CommandResult route(CaseService service, String id) {
        return service.handle(new ProcedureCommand.Route(new CaseId(id), new IdempotencyKey("route-" + id), Actor.official(CLERK, OFFICE),
                HOUSING, DAY));
    }

    @Test
    void withoutADataSourceTheServiceRunsOnTheInMemoryStore() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CaseStore.class)).isInstanceOf(InMemoryCaseStore.class);
            CaseService service = context.getBean(CaseService.class);
            assertThat(register(service, "C-1")).isInstanceOf(CommandResult.Applied.class);
            assertThat(route(service, "C-1")).isInstanceOf(CommandResult.Applied.class);
            assertThat(context).doesNotHaveBean(SweepRunner.class);
        });
    }

    @Test
    void theApplicationsAccessPolicyAndEventChainAreUsedAndEveryReadIsAuditedInTheStore() {
        withDatabase().withBean(AccessPolicy.class, () -> AccessPolicy.standard(DIRECTORY))
                .withBean(EventChain.class, EventChain::sha256).run(context -> {
                    assertThat(context).hasNotFailed();
                    JdbcCaseStore store = (JdbcCaseStore) context.getBean(CaseStore.class);
                    CaseService service = context.getBean(CaseService.class);
                    assertThat(register(service, "C-1")).isInstanceOf(CommandResult.Applied.class);
                    Actor housing = Actor.official(new OfficialId("housing-staff"), HOUSING);
                    assertThat(service.history(housing, new CaseId("C-1"))).isEmpty();   // not routed to it yet
                    assertThat(route(service, "C-1")).isInstanceOf(CommandResult.Applied.class);
                    assertThat(service.history(housing, new CaseId("C-1"))).isPresent();
                    assertThat(store.byActor(CaseService.actorName(housing), "", 0, 10)).extracting(r -> r.entry().outcome())
                            .containsExactly(AuditEntry.Outcome.HIDDEN, AuditEntry.Outcome.SHOWN);
                    assertThat(ChainVerifier.verifyAudit(store, EventChain.sha256()).intact()).isTrue();
                    assertThat(ChainVerifier.of(store, EventChain.sha256()).verifyStore().intact()).isTrue();
                });
    }

    @Test
    void theApplicationsKeyProviderSealsPersonalDataInTheDatabase() {
        withDatabase().withBean(KeyProvider.class, () -> InMemoryKeyProvider.create(PersonalDataCipher.aesGcm())).run(context -> {
            assertThat(context).hasNotFailed();
            CaseStore store = context.getBean(CaseStore.class);
            CaseService service = context.getBean(CaseService.class);
            assertThat(register(service, "C-1")).isInstanceOf(CommandResult.Applied.class);
            var stored = store.load("C-1").orElseThrow();
            assertThat(stored.events().get(0).payload()).contains("\"alg\":\"AES-GCM\"").doesNotContain("覃某", "内容");
            assertThat(stored.snapshot().payload()).doesNotContain("覃某");
            assertThat(service.history(new CaseId("C-1")).orElseThrow().state().petition().petitioners().get(0).name().value())
                    .isEqualTo("覃某");
        });
    }

    @Test
    void overTheApplicationsDataSourceTheServiceRunsOnTheJdbcStoreWithItsTablesMigrated() {
        withDatabase().run(context -> {
            assertThat(context).hasNotFailed();
            JdbcCaseStore store = (JdbcCaseStore) context.getBean(CaseStore.class);
            assertThat(store.schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
            CaseService service = context.getBean(CaseService.class);
            assertThat(register(service, "C-1")).isInstanceOf(CommandResult.Applied.class);
            assertThat(route(service, "C-1")).isInstanceOf(CommandResult.Applied.class);
            assertThat(store.load("C-1")).isPresent();
            assertThat(service.history(new CaseId("C-1")).orElseThrow().events()).hasSize(2);
        });
    }

    @Test
    void validateAndNoneRefuseToStartOnADatabaseWithoutTheTablesNamingTheProperty() {
        withDatabase().withPropertyValues("xinfang.schema.mode=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(causes(context.getStartupFailure())).anySatisfy(c -> assertThat(c).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("xinfang.schema.mode=validate: no xinfang schema found"));
        });
        // none changes nothing, but a database with no xinfang schema at all would answer every command with a failure
        withDatabase().withPropertyValues("xinfang.schema.mode=none").run(context -> {
            assertThat(context).hasFailed();
            assertThat(causes(context.getStartupFailure())).anySatisfy(c -> assertThat(c).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("xinfang.schema.mode=none: no xinfang schema found"));
        });
        // once the schema is there, none starts and leaves it as it is
        String url = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        withDatabase().withPropertyValues(url, "xinfang.schema.mode=library").run(context -> assertThat(context).hasNotFailed());
        withDatabase().withPropertyValues(url, "xinfang.schema.mode=none").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(((JdbcCaseStore) context.getBean(CaseStore.class)).schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
        });
    }

    @Test
    void flywayModeRunsXinfangsScriptsWithAHistoryTableOfTheirOwn() {
        withDatabase().withPropertyValues("xinfang.schema.mode=flyway").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(((JdbcCaseStore) context.getBean(CaseStore.class)).schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
            try (Connection c = context.getBean(DataSource.class).getConnection();
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM \"xf_flyway_history\" WHERE \"type\" = 'SQL' AND \"success\"")) {
                rs.next();
                assertThat(rs.getInt(1)).as("one history row per script applied").isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
            }
        });
    }

    /**
     * The store is built after the application's own Flyway has migrated (had it come first, Flyway would have found a
     * schema that is not empty and has no history, and refused); the same with Flyway switched off, and with every bean
     * lazy.
     */
    @Test
    void theStoreWaitsForTheApplicationsMigrationsAndWorksWithFlywayOffAndLazyBeans() {
        withDatabase().withConfiguration(AutoConfigurations.of(BootLine.FLYWAY)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(((JdbcCaseStore) context.getBean(CaseStore.class)).schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
            try (Connection c = context.getBean(DataSource.class).getConnection();
                 ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM portal_intake")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the application's own table, by its own Flyway").isZero();
            }
            assertThat(register(context.getBean(CaseService.class), "C-1")).isInstanceOf(CommandResult.Applied.class);
        });
        withDatabase().withConfiguration(AutoConfigurations.of(BootLine.FLYWAY)).withPropertyValues("spring.flyway.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(register(context.getBean(CaseService.class), "C-1")).isInstanceOf(CommandResult.Applied.class);
                });
        // every bean lazy: the store, made when the service is first used, still makes the application's Flyway run first
        withDatabase().withConfiguration(AutoConfigurations.of(BootLine.FLYWAY))
                .withBean(org.springframework.boot.LazyInitializationBeanFactoryPostProcessor.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(register(context.getBean(CaseService.class), "C-1")).isInstanceOf(CommandResult.Applied.class);
                    assertThat(((JdbcCaseStore) context.getBean(CaseStore.class)).schemaVersion()).isEqualTo(JdbcCaseStore.SCHEMA_VERSION);
                    try (Connection c = context.getBean(DataSource.class).getConnection();
                         ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM portal_intake")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("the application's table, migrated before the store").isZero();
                    }
                });
    }

    @Test
    void theApplicationsOwnBeansWin() {
        InMemoryCaseStore own = InMemoryCaseStore.create();
        withDatabase().withBean(CaseStore.class, () -> own).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CaseStore.class)).isSameAs(own);
            register(context.getBean(CaseService.class), "C-1");
            assertThat(own.load("C-1")).as("the service writes to the application's store").isPresent();
        });
        CaseService service = CaseService.builder(InMemoryCaseStore.create(), DIRECTORY, clock).build();
        runner.withBean(CaseService.class, () -> service).run(context -> assertThat(context.getBean(CaseService.class)).isSameAs(service));
    }

    @Test
    void aMissingDirectoryIsNamedAtStartUp() {
        bare.run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasMessageContaining(OrganisationDirectory.class.getName());
                });
    }

    @Test
    void customizersAdjustTheServicesBuilder() {
        List<String> heard = new CopyOnWriteArrayList<>();
        runner.withBean(CaseServiceCustomizer.class, () -> b -> b.listener((id, version, events) -> heard.add(id + " v" + version)))
                .run(context -> {
                    register(context.getBean(CaseService.class), "C-1");
                    assertThat(heard).containsExactly("C-1 v1");
                });
    }

    /** Participation: a command inside the application's transaction commits or rolls back with it; listeners hear of commits only. */
    @Test
    void aCommandInsideTheApplicationsTransactionCommitsOrRollsBackWithIt() {
        List<String> heard = new CopyOnWriteArrayList<>();
        withDatabase().withBean(CaseServiceCustomizer.class, () -> b -> b.listener((id, version, events) -> heard.add(id.value())))
                .run(context -> {
                    CaseService service = context.getBean(CaseService.class);
                    TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
                    tx.executeWithoutResult(status -> {
                        assertThat(register(service, "ROLLED-BACK")).isInstanceOf(CommandResult.Applied.class);
                        status.setRollbackOnly();
                    });
                    assertThat(service.history(new CaseId("ROLLED-BACK"))).isEmpty();
                    tx.executeWithoutResult(status -> {
                        assertThat(register(service, "COMMITTED")).isInstanceOf(CommandResult.Applied.class);
                        assertThat(heard).as("nothing is heard before the commit").isEmpty();
                    });
                    assertThat(service.history(new CaseId("COMMITTED"))).isPresent();
                    assertThat(heard).containsExactly("COMMITTED");
                });
        // without participation the store keeps its own transactions: the outer rollback does not undo the command
        withDatabase().withPropertyValues("xinfang.transaction.participate=false").run(context -> {
            CaseService service = context.getBean(CaseService.class);
            new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                register(service, "OWN");
                status.setRollbackOnly();
            });
            assertThat(service.history(new CaseId("OWN"))).isPresent();
        });
    }

    /** Listener and observer beans of the application are registered with the service: no customizer needed. */
    @Test
    void theApplicationsListenerAndObserverBeansHearOfCommitsAfterTheyCommit() {
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> outcomes = new CopyOnWriteArrayList<>();
        withDatabase()
                .withBean(io.github.xinfang.service.CaseListener.class, () -> (id, version, events) -> heard.add(id.value() + " v" + version))
                .withBean(io.github.xinfang.service.CommandObserver.class, () -> outcome -> outcomes.add(outcome.kind().name()))
                .run(context -> {
                    CaseService service = context.getBean(CaseService.class);
                    TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
                    tx.executeWithoutResult(status -> {
                        register(service, "GONE");
                        status.setRollbackOnly();
                    });
                    tx.executeWithoutResult(status -> {
                        register(service, "KEPT");
                        assertThat(heard).as("not before the commit").isEmpty();
                    });
                    assertThat(heard).containsExactly("KEPT v1");
                    assertThat(outcomes).containsExactly("APPLIED", "APPLIED");
                });
    }

    /** One command asks the application's directory once per unit and official, through the cache the starter puts in front. */
    @Test
    void oneCommandAsksTheApplicationsDirectoryOncePerUnitAndOfficial() {
        List<String> asked = new CopyOnWriteArrayList<>();
        OrganisationDirectory counting = new OrganisationDirectory() {
            @Override
            public Optional<Unit> unit(UnitId id) {
                asked.add("unit " + id);
                return DIRECTORY.unit(id);
            }

            @Override
            public Optional<Official> official(OfficialId id) {
                asked.add("official " + id);
                return DIRECTORY.official(id);
            }
        };
        bare.withBean(OrganisationDirectory.class, () -> counting).run(context -> {
                    CaseService service = context.getBean(CaseService.class);
                    register(service, "C-1");
                    asked.clear();
                    route(service, "C-1");
                    assertThat(asked).isNotEmpty().doesNotHaveDuplicates();
                });
    }

    @Test
    void theSweepRunsInTheBackgroundAndStopsWithTheApplication() {
        AtomicReference<SweepRunner> seen = new AtomicReference<>();
        runner.withPropertyValues("xinfang.sweep.enabled=true", "xinfang.sweep.interval=50ms", "xinfang.sweep.node-name=node-1")
                .run(context -> {
                    SweepRunner sweep = context.getBean(SweepRunner.class);
                    seen.set(sweep);
                    assertThat(sweep.isRunning()).isTrue();
                    CaseService service = context.getBean(CaseService.class);
                    register(service, "C-1");
                    route(service, "C-1");
                    clock.now.set(Instant.parse("2026-06-01T02:00:00Z"));   // long past telling and acceptance
                    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (sweep.last().map(o -> o.report() == null || o.report().recorded() == 0).orElse(true) && System.nanoTime() < until) {
                        Thread.sleep(20);
                    }
                    assertThat(sweep.last()).hasValueSatisfying(o -> {
                        assertThat(o.failure()).isNull();
                        assertThat(o.report().breaches()).isPositive();
                    });
                });
        assertThat(seen.get().isRunning()).as("stopped with the application").isFalse();
    }

    @Test
    void commandsAndSweepsAreMeteredWhenTheApplicationHasARegistry() {
        MeterRegistry registry = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> registry)
                .withPropertyValues("xinfang.sweep.enabled=true", "xinfang.sweep.interval=1h", "xinfang.sweep.node-name=node-1")
                .run(context -> {
                    CaseService service = context.getBean(CaseService.class);
                    register(service, "C-1");
                    register(service, "C-1");   // the same command under the same key: replayed
                    route(service, "NOPE");      // no such case: CASE_NOT_FOUND
                    assertThat(timer(registry, "Register", "applied", "none").count()).isEqualTo(1);
                    assertThat(timer(registry, "Register", "replayed", "none").count()).isEqualTo(1);
                    assertThat(timer(registry, "Route", "rejected", "CASE_NOT_FOUND").count()).isEqualTo(1);
                    SweepRunner sweep = context.getBean(SweepRunner.class);
                    double before = registry.get("xinfang.sweep.runs").tag("result", "ok").counter().count();
                    sweep.runOnce();
                    assertThat(registry.get("xinfang.sweep.runs").tag("result", "ok").counter().count()).isEqualTo(before + 1);
                    assertThat(registry.get("xinfang.sweep.records").tag("kind", "breach").counter()).isNotNull();
                    // no tag names a case
                    registry.getMeters().forEach(m -> assertThat(m.getId().getTags()).noneSatisfy(t -> assertThat(t.getValue()).contains("C-1")));
                });
        // without Micrometer on the classpath the rest works as before
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(register(context.getBean(CaseService.class), "C-1")).isInstanceOf(CommandResult.Applied.class);
        });
    }

    private static Timer timer(MeterRegistry registry, String command, String outcome, String code) {
        return registry.get("xinfang.commands").tag("command", command).tag("outcome", outcome).tag("code", code).timer();
    }

    @Test
    void theSweepRaisesClusterWarningsOnTheJdbcStoreUnderTheApplicationsPolicyUnlessTurnedOff() {
        ClusterWatch.Policy three = new ClusterWatch.Policy(30, 6, List.of(new ClusterWatch.Level(3, 100)), Map.of());
        withDatabase().withBean(ClusterWatch.Policy.class, () -> three)
                .withPropertyValues("xinfang.sweep.enabled=true", "xinfang.sweep.interval=1h", "xinfang.sweep.node-name=node-1")
                .run(context -> {
                    CaseService service = context.getBean(CaseService.class);
                    for (String id : List.of("E-1", "E-2", "E-3")) registerTagged(service, id);
                    SweepRunner sweep = context.getBean(SweepRunner.class);
                    sweep.runOnce();
                    assertThat(sweep.last()).hasValueSatisfying(o -> assertThat(o.report().clusterWarnings()).isEqualTo(1));
                    assertThat(ClusterWatch.create(service, three).warnings("4508")).singleElement()
                            .satisfies(w -> assertThat(w.cases()).extracting(CaseId::value).containsExactly("E-1", "E-2", "E-3"));
                    sweep.runOnce();
                    assertThat(sweep.last()).hasValueSatisfying(o -> assertThat(o.report().clusterWarnings()).isZero());
                });
        withDatabase().withBean(ClusterWatch.Policy.class, () -> three)
                .withPropertyValues("xinfang.sweep.enabled=true", "xinfang.sweep.interval=1h", "xinfang.sweep.cluster-warnings=false")
                .run(context -> {
                    CaseService service = context.getBean(CaseService.class);
                    for (String id : List.of("E-1", "E-2", "E-3")) registerTagged(service, id);
                    SweepRunner sweep = context.getBean(SweepRunner.class);
                    sweep.runOnce();
                    assertThat(sweep.last()).hasValueSatisfying(o -> assertThat(o.report().clusterWarnings()).isZero());
                    assertThat(ClusterWatch.create(service, three).warnings("")).isEmpty();
                });
    }

    private static void registerTagged(CaseService service, String id) {
        assertThat(service.handle(new ProcedureCommand.Register(new CaseId(id), new IdempotencyKey("register-" + id),
                Actor.official(CLERK, OFFICE), new PetitionForm(DAY, Channel.VISIT, Category.CLAIM, "城乡建设", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("业主代表", null, null, null)), 2, null, "逾期未交房")
                        .withSubjectTags("estate:金港华府"), null))).isInstanceOf(CommandResult.Applied.class);
    }

    /** The indicator's interface differs between the Boot lines; what it reports does not. */
    @Test
    void healthReportsTheSchemaTheBacklogAndTheLastSweep() {
        withDatabase().withPropertyValues("xinfang.sweep.enabled=true", "xinfang.sweep.interval=1h", "xinfang.sweep.node-name=node-1")
                .run(context -> {
                    CaseService service = context.getBean(CaseService.class);
                    register(service, "C-1");
                    route(service, "C-1");
                    clock.now.set(Instant.parse("2026-06-01T02:00:00Z"));   // its telling and acceptance are long due
                    var indicator = context.getBean(XinfangHealthIndicator.class);
                    var due = indicator.health();
                    assertThat(due.getStatus().getCode()).isEqualTo("UP");
                    assertThat(due.getDetails()).containsEntry("schemaVersion", JdbcCaseStore.SCHEMA_VERSION)
                            .containsEntry("dueBacklog", 1);
                    context.getBean(SweepRunner.class).runOnce();
                    var swept = indicator.health();
                    assertThat(swept.getDetails()).containsEntry("dueBacklog", 0).containsEntry("lastSweepAt", "2026-06-01T02:00:00Z")
                            .containsEntry("lastSweepAgeSeconds", 0L);
                    assertThat(swept.getDetails().toString()).doesNotContain("覃某");
                });
        // a database one version behind, left alone (mode none): the application starts, the health is down
        String url = "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        withDatabase().withPropertyValues(url).run(context -> {
            try (Connection c = context.getBean(DataSource.class).getConnection()) {
                c.createStatement().executeUpdate("DELETE FROM xf_schema_version WHERE version = " + JdbcCaseStore.SCHEMA_VERSION);
            }
        });
        withDatabase().withPropertyValues(url, "xinfang.schema.mode=none").run(context -> {
            var health = context.getBean(XinfangHealthIndicator.class).health();
            assertThat(health.getStatus().getCode()).as("an older schema").isEqualTo("DOWN");
            assertThat(health.getDetails()).containsEntry("schemaVersion", JdbcCaseStore.SCHEMA_VERSION - 1);
        });
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate", "org.springframework.boot.health"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(XinfangHealthIndicator.class).doesNotHaveBean(XinfangInfoContributor.class);
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoWarnsWhenTheOfficialCalendarsFinalCoverageEndsSoon() {
        runner.run(context -> {
            XinfangInfoContributor info = context.getBean(XinfangInfoContributor.class);
            Map<String, Object> calendar = info.calendar();
            LocalDate finalThrough = LocalDate.parse((String) calendar.get("finalThrough"));
            clock.now.set(finalThrough.minusDays(61).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
            assertThat(info.calendar()).doesNotContainKey("warning");
            clock.now.set(finalThrough.minusDays(59).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
            assertThat(info.calendar()).containsKey("warning");
            org.springframework.boot.actuate.info.Info.Builder builder = new org.springframework.boot.actuate.info.Info.Builder();
            info.contribute(builder);
            Map<String, Object> xinfang = (Map<String, Object>) builder.build().getDetails().get("xinfang");
            assertThat(xinfang).containsKeys("version", "calendar");
        });
        runner.withPropertyValues("xinfang.calendar.warn-days=0").run(context -> {
            XinfangInfoContributor info = context.getBean(XinfangInfoContributor.class);
            LocalDate finalThrough = LocalDate.parse((String) info.calendar().get("finalThrough"));
            clock.now.set(finalThrough.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
            assertThat(info.calendar()).doesNotContainKey("warning");
        });
    }

    @Test
    void thePropertiesAreDescribedInTheGeneratedMetadata() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata generated on Boot %s", BootLine.NAME).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String name : List.of("xinfang.schema.mode", "xinfang.schema.name", "xinfang.store.dialect", "xinfang.transaction.participate",
                    "xinfang.sweep.enabled", "xinfang.sweep.interval", "xinfang.sweep.node-name", "xinfang.sweep.batch-size",
                    "xinfang.sweep.cluster-warnings",
                    "xinfang.directory.cache.ttl", "xinfang.calendar.warn-days")) {
                assertThat(json).contains("\"" + name + "\"");
            }
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable c = t; c != null && !out.contains(c); c = c.getCause()) out.add(c);
        return out;
    }
}
