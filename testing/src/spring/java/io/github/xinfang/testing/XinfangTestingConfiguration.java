package io.github.xinfang.testing;

import io.github.xinfang.directory.OrganisationDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A Spring configuration for a portal's tests that wires this module's settable clock and organisation: with the
 * starter's slice, {@code @XinfangTest(classes = {XinfangTestingConfiguration.class, MyComponent.class})} runs the case
 * service on the in-memory store, at a {@link SettableClock} the test moves, over {@link Organisations#guigang()}'s
 * directory, so that {@link Journeys} made for that {@link Organisation} apply as they are. Needs spring-context on the
 * test classpath (a Spring Boot application has it).
 *
 * @since 0.4
 */
@Configuration(proxyBeanMethods = false)
public class XinfangTestingConfiguration {
    /** Creates the configuration; Spring calls this. */
    public XinfangTestingConfiguration() {}

    /** @return a settable clock at 09:00 on {@link Journeys#DEFAULT_EARLIEST} in Beijing (the slice's own clock backs off) */
    @Bean
    public SettableClock xinfangSettableClock() {
        return SettableClock.at(Journeys.DEFAULT_EARLIEST.atTime(9, 0).atZone(Journeys.ZONE).toInstant());
    }

    /** @return the organisation the journeys use */
    @Bean
    public Organisation xinfangTestOrganisation() {
        return Organisations.guigang();
    }

    /**
     * @param organisation the organisation
     * @return its directory, for the case service
     */
    @Bean
    public OrganisationDirectory xinfangTestDirectory(Organisation organisation) {
        return organisation.directory();
    }
}
