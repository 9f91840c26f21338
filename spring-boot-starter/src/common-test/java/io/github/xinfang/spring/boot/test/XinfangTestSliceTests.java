package io.github.xinfang.spring.boot.test;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseId;
import io.github.xinfang.cases.IdempotencyKey;
import io.github.xinfang.cases.PetitionForm;
import io.github.xinfang.cases.ProcedureCommand;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.directory.UnitId;
import io.github.xinfang.persistence.CaseStore;
import io.github.xinfang.persistence.memory.InMemoryCaseStore;
import io.github.xinfang.petition.Category;
import io.github.xinfang.petition.Channel;
import io.github.xinfang.petition.RegionCode;
import io.github.xinfang.service.CaseService;
import io.github.xinfang.service.CommandResult;
import io.github.xinfang.service.DeadlineSweep;
import io.github.xinfang.spring.boot.CaseServiceCustomizer;
import io.github.xinfang.time.TimeLimits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link XinfangTest} slice as a portal's test uses it: the case service over the in-memory store although a JDBC
 * driver and Spring JDBC are on this classpath, the settable clock driving deadlines, the portal's own components.
 */
@XinfangTest(classes = XinfangTestSliceTests.Portal.class)
class XinfangTestSliceTests {
    static final UnitId OFFICE = new UnitId("office");
    static final UnitId HOUSING = new UnitId("housing");
    static final Actor CLERK = Actor.official(new OfficialId("clerk"), OFFICE);

    /** The portal's components under test: its directory and a listener that records what was committed. */
    @Configuration(proxyBeanMethods = false)
    static class Portal {
        final List<String> committed = new CopyOnWriteArrayList<>();

        @Bean
        OrganisationDirectory directory() {
            return OrganisationDirectory.of(
                    List.of(new OrganisationDirectory.Unit(OFFICE, "港北区信访局", "petition-office", "county", new RegionCode("450802"), null),
                            new OrganisationDirectory.Unit(HOUSING, "港北区住房和城乡建设局", "department", "county", new RegionCode("450802"), null)),
                    List.of(new OrganisationDirectory.Official(new OfficialId("clerk"), OFFICE, "科员", "科员", false)));
        }

        @Bean
        CaseServiceCustomizer recordCommits() {
            return builder -> builder.listener((caseId, version, events) -> committed.add(caseId.value() + "@" + version));
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    CaseService cases;
    @Autowired
    XinfangTestClock clock;
    @Autowired
    Portal portal;

    @Test
    void theSliceRunsOnTheInMemoryStoreWithNothingElseOfTheApplication() {
        assertThat(context.getBean(CaseStore.class)).isInstanceOf(InMemoryCaseStore.class);
        assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.github.xinfang.spring.boot.SweepRunner.class)).as("no background sweep").isEmpty();
        assertThat(context.getBean(InstantSource.class)).isSameAs(clock);
    }

    @Test
    void theTestsClockDrivesTheDeadlinesAndTheListenerSeesEachCommit() {
        CaseId id = new CaseId("S-" + System.identityHashCode(this));
        LocalDate today = LocalDate.of(2026, 3, 2);
        assertThat(cases.handle(new ProcedureCommand.Register(id, new IdempotencyKey("k1"), CLERK,
                new PetitionForm(today, Channel.LETTER, Category.CLAIM, "城乡建设", "450802", true, null,
                        List.of(new PetitionForm.Petitioner("覃某", null, "13907751234", null)), null, null, "反映拖欠工资"), null)))
                .isInstanceOf(CommandResult.Applied.class);
        assertThat(cases.handle(new ProcedureCommand.Route(id, new IdempotencyKey("k2"), CLERK, HOUSING, today)))
                .isInstanceOf(CommandResult.Applied.class);
        assertThat(portal.committed).contains(id.value() + "@1", id.value() + "@2");

        assertThat(overdue(id)).as("nothing is overdue on the day of routing").isFalse();
        clock.advance(Duration.ofDays(60));
        assertThat(overdue(id)).as("sixty days later the acceptance decision is overdue").isTrue();
        DeadlineSweep.Report report = DeadlineSweep.create(cases, "slice-test").sweep(clock.instant());
        assertThat(report.breaches()).isPositive();
    }

    private boolean overdue(CaseId id) {
        return cases.obligations(id, clock.instant()).orElseThrow().stream()
                .anyMatch(s -> s.state() == TimeLimits.ClockState.OVERDUE);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClock {
        static final Instant AT = Instant.parse("2027-01-04T02:00:00Z");

        @Bean
        InstantSource fixedClock() {
            return InstantSource.fixed(AT);
        }
    }
}
