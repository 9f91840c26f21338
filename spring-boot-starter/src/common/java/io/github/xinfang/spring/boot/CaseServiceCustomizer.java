package io.github.xinfang.spring.boot;

import io.github.xinfang.service.CaseService;

/**
 * A hook on the builder of the auto-configured {@link CaseService}: define beans of this type to add listeners,
 * observers, a rank ladder, an escalation policy or an approval rule, or to set the retries. They are applied in their
 * {@code @Order}, after the starter has set the store, the directory, the clock and the time limits.
 *
 * @since 0.4
 */
@FunctionalInterface
public interface CaseServiceCustomizer {
    /**
     * @param builder the service's builder
     */
    void customize(CaseService.Builder builder);
}
