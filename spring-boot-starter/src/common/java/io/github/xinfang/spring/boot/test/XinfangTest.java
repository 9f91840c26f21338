package io.github.xinfang.spring.boot.test;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test slice for a portal's tests of its xinfang code, without a database: the case service over the in-memory
 * store, xinfang's JSON module, and a {@link XinfangTestClock} the test sets (unless it brings an {@code InstantSource}), and nothing else of the application (no
 * component scan, no other auto-configuration, so no {@code DataSource} even with a driver on the classpath). The test
 * names the portal's own components it needs: the {@link io.github.xinfang.directory.OrganisationDirectory} (required),
 * listeners, projections, services under test.
 *
 * <pre>{@code
 * @XinfangTest(classes = {PortalDirectory.class, OverdueNotifier.class})
 * class OverdueNotifierTests {
 *     @Autowired CaseService cases;
 *     @Autowired XinfangTestClock clock;
 *     ...
 * }
 * }</pre>
 *
 * <p>The background sweep and change-feed runners are off in the slice, so nothing runs behind the test's back: run
 * a {@link io.github.xinfang.service.DeadlineSweep} at the clock's instant, or follow the feed with a
 * {@link io.github.xinfang.service.ChangeFollower}, where the test wants them. Further properties go in the test's
 * own {@code @TestPropertySource}.
 *
 * @since 0.4
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(SpringBootTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@ImportAutoConfiguration
@ContextConfiguration
@TestPropertySource(properties = {"xinfang.sweep.enabled=false", "xinfang.feed.enabled=false"})
public @interface XinfangTest {
    /**
     * @return the portal's components and configurations the test needs (required, so that the slice never scans the
     *     application); an {@code OrganisationDirectory} bean among them is required by the case service
     */
    @AliasFor(annotation = ContextConfiguration.class, attribute = "classes")
    Class<?>[] classes();
}
