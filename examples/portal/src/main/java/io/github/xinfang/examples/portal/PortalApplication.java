package io.github.xinfang.examples.portal;

import io.github.xinfang.cases.Actor;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.directory.OfficialId;
import io.github.xinfang.directory.OrganisationDirectory;
import io.github.xinfang.spring.boot.ActorResolver;
import io.github.xinfang.spring.boot.CaseChangeHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A small petition portal (信访平台) on {@code xinfang-spring-boot-starter}: the starter brings the {@code CaseService}
 * over the portal's PostgreSQL, xinfang's tables, the deadline sweep, the change-feed runner, JSON, error answers,
 * health and metrics; the portal brings its organisation, who acts, its controller, its intake and its projection.
 */
@SpringBootApplication
@EnableConfigurationProperties(PortalApplication.Organisation.class)
public class PortalApplication {

    /**
     * Runs the portal.
     *
     * @param args Spring Boot's arguments, e.g. {@code --spring.datasource.url=jdbc:postgresql://...}
     */
    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }

    /**
     * The portal's units and officials, from its configuration ({@code portal.units}, {@code portal.officials}).
     *
     * @param units the units
     * @param officials the officials
     */
    @ConfigurationProperties("portal")
    record Organisation(List<OrganisationDirectory.Unit> units, List<OrganisationDirectory.Official> officials) {}

    @Bean
    OrganisationDirectory organisationDirectory(Organisation organisation) {
        return OrganisationDirectory.of(organisation.units(), organisation.officials());
    }

    /**
     * The activity log, from the change feed: the starter's feed runner hands each committed change on once, in order;
     * a change handed again (a follower's position moved back) is skipped by its position, not refused by the table.
     */
    @Bean
    CaseChangeHandler caseLogHandler(CaseLog log) {
        return CaseChangeHandler.of("portal-case-log", change -> {
            if (!log.existsByPosition(change.position())) log.save(new CaseLog.Entry(null, change.position(), change.caseId().value(),
                    change.version(), change.events().stream().map(CaseEvent::typeName).collect(Collectors.joining(","))));
        });
    }

    /** Who acts: the official the portal's gateway names in {@code X-Official} (after its login), for their unit. */
    @Bean
    ActorResolver actorResolver(OrganisationDirectory directory) {
        return request -> Optional.ofNullable(request.getHeader("X-Official")).map(OfficialId::new)
                .flatMap(directory::official).map(official -> Actor.official(official.id(), official.unit()));
    }
}
