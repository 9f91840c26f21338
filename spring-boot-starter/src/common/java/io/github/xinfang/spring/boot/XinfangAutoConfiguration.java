package io.github.xinfang.spring.boot;

import io.github.xinfang.privacy.KeyProvider;
import io.github.xinfang.privacy.PersonalDataCipher;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.ClusterQuery;
import io.github.xinfang.persistence.ClusterWarnings;
import io.github.xinfang.persistence.ChangeFeed;
import io.github.xinfang.persistence.jdbc.JdbcFeedPositions;
import io.github.xinfang.persistence.jdbc.JdbcCaseStore;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.service.CaseListener;
import io.github.xinfang.persistence.chain.AccessAudit;
import io.github.xinfang.persistence.chain.EventChain;
import io.github.xinfang.service.AccessPolicy;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandObserver;
import io.github.xinfang.service.ClusterWatch;
import io.github.xinfang.service.DeadlineSweep;
import io.github.xinfang.time.TimeLimits;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * Auto-configuration of xinfang. Every bean backs off when the application defines one of its type:
 * <ul>
 *   <li>an {@link InstantSource} (the system clock; a {@code java.time.Clock} bean of the application's is used instead);</li>
 *   <li>{@link TimeLimits} ({@link TimeLimits#standard()});</li>
 *   <li>a {@link CaseStore}: over the application's one {@code DataSource}, a {@link JdbcCaseStore} that joins the
 *       application's Spring transactions ({@code xinfang.transaction.participate}, default true) and is built only after
 *       the database's initialisers (Flyway, Liquibase, SQL scripts) have run, with its tables brought or checked as
 *       {@code xinfang.schema.mode} says; without a {@code DataSource}, the {@link InMemoryCaseStore} (with several
 *       {@code DataSource}s and none primary, neither: mark one {@code @Primary} or define the store);</li>
 *   <li>the {@link CaseService}, over the application's {@link OrganisationDirectory} bean (required), whose answers it
 *       remembers for {@code xinfang.directory.cache.ttl}, under the application's {@code AccessPolicy} and
 *       {@code EventChain} beans if it defines them, recording reads, exports and refused attempts in the store's
 *       access audit trail when the store keeps one; {@link CaseServiceCustomizer} beans adjust its builder;</li>
 *   <li>a {@link SweepRunner} running the {@link DeadlineSweep} in the background ({@code xinfang.sweep.*});</li>
 *   <li>when the application has {@link CaseChangeHandler} beans, a {@link FeedRunner} handing them the change feed
 *       in the background ({@code xinfang.feed.*}), each batch in one transaction of the application's
 *       {@code PlatformTransactionManager} (over the {@code DataSource}, one of its own if the application has none)
 *       with the follower's position row in xinfang's schema; with the in-memory store, positions in memory;</li>
 *   <li>with Micrometer and a {@code MeterRegistry} bean: the timer {@code xinfang.commands} (by command, outcome and
 *       rejection code), the counter {@code xinfang.commands.retries}, the sweep's counters
 *       {@code xinfang.sweep.runs} and {@code xinfang.sweep.records}, and per follower the gauge
 *       {@code xinfang.feed.lag} and the counters {@code xinfang.feed.polls} and {@code xinfang.feed.changes};</li>
 *   <li>with the actuator: the health indicator {@code xinfang} ({@link XinfangHealthIndicator}) and the info
 *       contributor {@link XinfangInfoContributor};</li>
 *   <li>in a servlet web application ({@code xinfang.web.enabled}, default true): {@link RejectionProblems} (results and
 *       rejections as HTTP answers), the {@code Idempotency-Key} header and the {@link ActorResolver}'s actor as
 *       controller parameters, and problems for transient store failures ({@code 503}) and corrupt stored data
 *       ({@code 500}).</li>
 * </ul>
 * It runs after the DataSource, transaction, Flyway and Liquibase auto-configurations of both Spring Boot lines (their
 * class names differ between 3.5 and 4.0; both are named).
 *
 * @since 0.4
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@EnableConfigurationProperties(XinfangProperties.class)
@Import({XinfangAutoConfiguration.JdbcStore.class, XinfangAutoConfiguration.MemoryStore.class, XinfangAutoConfiguration.Meters.class,
        XinfangAutoConfiguration.HealthConfiguration.class, XinfangAutoConfiguration.InfoConfiguration.class,
        XinfangAutoConfiguration.WebConfiguration.class})
public class XinfangAutoConfiguration {

    /** Creates the auto-configuration (Spring does). */
    public XinfangAutoConfiguration() {
    }

    /** @return the system clock, unless the application has a clock of its own */
    @Bean
    @ConditionalOnMissingBean
    InstantSource xinfangClock() {
        return InstantSource.system();
    }

    /** @return the shipped profiles on the official work calendar */
    @Bean
    @ConditionalOnMissingBean
    TimeLimits xinfangTimeLimits() {
        return TimeLimits.standard();
    }

    /** The JDBC store over the application's one {@code DataSource}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class JdbcStore {
        @Bean
        @ConditionalOnMissingBean(CaseStore.class)
        @DependsOnDatabaseInitialization
        JdbcCaseStore xinfangJdbcCaseStore(DataSource dataSource, XinfangProperties properties) {
            JdbcCaseStore.Builder builder = JdbcCaseStore.builder(dataSource);
            if (properties.getStore().getDialect() != null) builder.dialect(properties.getStore().getDialect());
            String schema = properties.getSchema().getName();
            if (schema != null && !schema.isBlank()) builder.schema(schema);
            if (properties.getTransaction().isParticipate()) builder.participating(new SpringTransactionBinding(dataSource));
            JdbcCaseStore store = builder.build();
            SchemaSetup.apply(properties.getSchema(), store, dataSource);
            return store;
        }
    }

    /**
     * The in-memory store, when there is no {@code DataSource}. With several and none of them primary, neither store is
     * defined: the application marks one {@code @Primary} or defines its {@link CaseStore}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(DataSource.class)
    static class MemoryStore {
        @Bean
        @ConditionalOnMissingBean(CaseStore.class)
        InMemoryCaseStore xinfangInMemoryCaseStore() {
            return InMemoryCaseStore.create();
        }
    }

    /** Micrometer meters of the commands and the sweep, when Micrometer is there and the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Meters {
        @Bean
        CaseServiceCustomizer xinfangCommandMeters(ObjectProvider<MeterRegistry> registry) {
            return builder -> registry.ifAvailable(r -> builder.observer(new CommandMeters(r)));
        }

        @Bean
        SmartInitializingSingleton xinfangSweepMeters(ObjectProvider<MeterRegistry> registry, ObjectProvider<SweepRunner> sweep) {
            return () -> registry.ifAvailable(r -> sweep.ifAvailable(s -> s.onOutcome(new SweepMeters(r))));
        }

        @Bean
        SmartInitializingSingleton xinfangFeedMeters(ObjectProvider<MeterRegistry> registry, ObjectProvider<FeedRunner> feed) {
            return () -> registry.ifAvailable(r -> feed.ifAvailable(f -> f.onPoll(new FeedMeters(r, f))));
        }
    }

    /** The health indicator, when this Boot line's health interface is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = XinfangHealthIndicator.HEALTH_API)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean
        XinfangHealthIndicator xinfangHealthIndicator(CaseStore store, ObjectProvider<SweepRunner> sweep,
                                                      ObjectProvider<FeedRunner> feed, InstantSource clock) {
            return new XinfangHealthIndicator(new XinfangStatus(store, () -> Optional.ofNullable(sweep.getIfAvailable()),
                    () -> Optional.ofNullable(feed.getIfAvailable()), clock));
        }
    }

    /** The Spring MVC support, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
    @ConditionalOnProperty(prefix = "xinfang.web", name = "enabled", havingValue = "true", matchIfMissing = true)
    static class WebConfiguration {
        @Bean
        @ConditionalOnMissingBean
        RejectionProblems xinfangRejectionProblems(XinfangProperties properties) {
            return new RejectionProblems(properties.getWeb().getStatus());
        }

        @Bean
        XinfangWebSupport.Advice xinfangWebAdvice() {
            return new XinfangWebSupport.Advice();
        }

        @Bean
        org.springframework.web.servlet.config.annotation.WebMvcConfigurer xinfangWebMvcConfigurer(ObjectProvider<ActorResolver> actors) {
            return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
                @Override
                public void addArgumentResolvers(java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new XinfangWebSupport.KeyResolver());
                    actors.ifAvailable(a -> resolvers.add(new XinfangWebSupport.ActorArgumentResolver(a)));
                }
            };
        }
    }

    /** The info contributor, when the actuator's info is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
    static class InfoConfiguration {
        @Bean
        @ConditionalOnMissingBean
        XinfangInfoContributor xinfangInfoContributor(CaseStore store, TimeLimits limits, InstantSource clock, XinfangProperties properties) {
            return new XinfangInfoContributor(store, limits, clock, properties.getCalendar().getWarnDays());
        }
    }

    /**
     * @param store the store
     * @param directory the application's organisation directory
     * @param clock the clock
     * @param limits the time limits
     * @param properties the properties
     * @param customizers the application's hooks on the builder
     * @param listeners the application's listeners of commits, told after the transaction that holds the commit
     *     commits (never for one rolled back), in their order
     * @param observers the application's observers of every command's outcome, in their order
     * @param access the application's access policy, if it defines one (else every actor may do everything)
     * @param chain the application's event chain, if it defines one (else SHA-256)
     * @param keys the application's key provider of personal data, if it defines one (else personal data is stored in
     *     clear)
     * @param cipher the cipher of personal data, if the application defines one (else AES-256-GCM)
     * @return the case service, recording reads, exports and refused attempts in the store's access audit trail when
     *     the store keeps one
     */
    @Bean
    @ConditionalOnMissingBean
    CaseService xinfangCaseService(CaseStore store, OrganisationDirectory directory, InstantSource clock, TimeLimits limits,
                                   XinfangProperties properties, ObjectProvider<CaseServiceCustomizer> customizers,
                                   ObjectProvider<CaseListener> listeners, ObjectProvider<CommandObserver> observers,
                                   ObjectProvider<AccessPolicy> access, ObjectProvider<EventChain> chain,
                                   ObjectProvider<KeyProvider> keys, ObjectProvider<PersonalDataCipher> cipher) {
        Duration ttl = properties.getDirectory().getCache().getTtl();
        OrganisationDirectory asked = ttl == null || ttl.isZero() ? directory : OrganisationDirectory.caching(directory, ttl, clock);
        CaseService.Builder builder = CaseService.builder(store, asked, clock).timeLimits(limits);
        access.ifAvailable(builder::accessPolicy);
        chain.ifAvailable(builder::eventChain);
        keys.ifAvailable(k -> builder.personalData(k, cipher.getIfAvailable(PersonalDataCipher::aesGcm)));
        if (store instanceof AccessAudit audit) builder.accessAudit(audit);
        listeners.orderedStream().forEach(builder::listener);
        observers.orderedStream().forEach(builder::observer);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /**
     * @param service the case service
     * @param store its store
     * @param clock the clock
     * @param properties the properties
     * @param clusterPolicy the application's cluster-warning policy, if it defines one (else the standard policy)
     * @return the background sweep
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "xinfang.sweep", name = "enabled", havingValue = "true", matchIfMissing = true)
    SweepRunner xinfangSweepRunner(CaseService service, CaseStore store, InstantSource clock, XinfangProperties properties,
                                   ObjectProvider<ClusterWatch.Policy> clusterPolicy) {
        XinfangProperties.Sweep sweep = properties.getSweep();
        String node = sweep.getNodeName() != null ? sweep.getNodeName() : ManagementFactory.getRuntimeMXBean().getName();
        DeadlineSweep deadlineSweep;
        try {
            deadlineSweep = DeadlineSweep.create(service, node, sweep.getLease(), sweep.getBatchSize());
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("xinfang.sweep.enabled is true, but the case store ("
                    + store.getClass().getName() + ") offers no work claims: set xinfang.sweep.enabled=false", e);
        }
        if (sweep.isClusterWarnings() && store instanceof ClusterQuery && store instanceof ClusterWarnings) {
            deadlineSweep = deadlineSweep.withClusterWatch(
                    ClusterWatch.create(service, clusterPolicy.getIfAvailable(ClusterWatch.Policy::standard)));
        }
        return new SweepRunner(deadlineSweep, clock, sweep.getInterval());
    }

    /**
     * @param service the case service
     * @param store its store, whose change feed is followed
     * @param handlers the application's followers
     * @param dataSource the application's {@code DataSource}, with a JDBC store
     * @param transactionManager the application's transaction manager
     * @param clock the clock
     * @param properties the properties
     * @return the change-feed runner
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CaseChangeHandler.class)
    @ConditionalOnProperty(prefix = "xinfang.feed", name = "enabled", havingValue = "true", matchIfMissing = true)
    FeedRunner xinfangFeedRunner(CaseService service, CaseStore store, ObjectProvider<CaseChangeHandler> handlers,
                                 ObjectProvider<DataSource> dataSource, ObjectProvider<PlatformTransactionManager> transactionManager,
                                 InstantSource clock, XinfangProperties properties) {
        if (!(store instanceof ChangeFeed feed)) {
            throw new IllegalStateException("the application has CaseChangeHandler beans, but the case store ("
                    + store.getClass().getName() + ") offers no change feed: set xinfang.feed.enabled=false");
        }
        List<CaseChangeHandler> followers = handlers.orderedStream().toList();
        XinfangProperties.Feed settings = properties.getFeed();
        FeedRunner.Positions positions;
        PlatformTransactionManager transactions;
        LongUnaryOperator head;
        if (store instanceof JdbcCaseStore jdbc) {
            DataSource ds = dataSource.getIfUnique();
            if (ds == null) {
                throw new IllegalStateException("the change-feed runner keeps its followers' positions in xinfang's schema, on the"
                        + " application's DataSource: with several, mark the case store's @Primary (or set xinfang.feed.enabled=false)");
            }
            positions = FeedRunner.jdbc(JdbcFeedPositions.of(jdbc, new SpringTransactionBinding(ds)));
            transactions = transactionManager.getIfUnique(() -> new DataSourceTransactionManager(ds));
            head = from -> jdbc.feedHead();
        } else {
            positions = FeedRunner.inMemory();
            transactions = transactionManager.getIfUnique();
            head = FeedRunner.headByReading(feed);
        }
        return new FeedRunner(service, followers, positions, transactions, head, clock, settings.getInterval(), settings.getBatchSize());
    }
}
