package io.github.xinfang.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.Objects;

/**
 * xinfang's health for the actuator (as {@code xinfang}): up, or down when the schema is not at the store's version,
 * the database cannot be read, the last deadline sweep failed, or a change-feed follower's last poll failed; with the
 * schema version, the due backlog, the last sweep's age and, under {@code feed}, each follower's position, lag behind
 * the feed's head and last poll as details. This class is the one part of the health support that differs between the Spring Boot lines
 * (the indicator's interface moved in Boot 4); what it reports is computed the same way on both. Thread-safe.
 *
 * @since 0.4
 */
public final class XinfangHealthIndicator implements HealthIndicator {
    /** The health interface of this Boot line; when it is on the classpath, the indicator is defined. */
    public static final String HEALTH_API = "org.springframework.boot.actuate.health.HealthIndicator";

    private final XinfangStatus status;

    XinfangHealthIndicator(XinfangStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public Health health() {
        XinfangStatus.Snapshot s = status.check();
        return (s.up() ? Health.up() : Health.down()).withDetails(s.details()).build();
    }
}
